package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program that exits while its threads allocate under the tracker keeps its exit code, does
 * not crash, and the tracker's close at exit is quick.
 */
class ExitWhileSamplingTest {

    @ParameterizedTest
    @ValueSource(strings = {"this", "25"})
    void exitingWhileSamplingKeepsTheExitCodeAndClosesQuickly(String jdk) throws Exception {
        Path java = jdk.equals("this")
                ? Path.of(System.getProperty("java.home"), "bin", "java") : Jdk25Test.JAVA_25;
        assumeTrue(Files.isExecutable(java), "no JDK at " + java);
        Path output = Files.createTempFile("memray-exit", ".txt");
        try {
            Process process = new ProcessBuilder(java.toString(), "-cp",
                    System.getProperty("java.class.path"), ExitWhileSampling.class.getName())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the program did not exit in 60 s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(text).isEqualTo(3);
            assertThat(text).doesNotContain("A fatal error has been detected");
            Matcher closed = Pattern.compile("closed in (\\d+) ms").matcher(text);
            assertThat(closed.find()).as(text).isTrue();
            assertThat(Long.parseLong(closed.group(1))).as(text).isLessThan(1000);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
