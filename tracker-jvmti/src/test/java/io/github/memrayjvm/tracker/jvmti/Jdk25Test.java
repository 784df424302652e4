package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.memrayjvm.examples.workloads.RetainedAndDropped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same accuracy and live checks on the Temurin 25 JDK, in a forked JVM running
 * {@link ForkedCheck}; skipped where that JDK is not installed.
 */
class Jdk25Test {

    static final Path JAVA_25 = Path.of(System.getProperty("memray.test.jdk25",
            "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");

    @Test
    void sharesAndLiveFiguresHoldOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_25), "no JDK 25 at " + JAVA_25
                + " (set -Dmemray.test.jdk25=JAVA_HOME to run this check)");
        Path output = Files.createTempFile("memray-jdk25", ".txt");
        Path errors = Files.createTempFile("memray-jdk25", ".err");
        try {
            Process process = new ProcessBuilder(JAVA_25.toString(), "-cp",
                    System.getProperty("java.class.path"), ForkedCheck.class.getName())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the JDK 25 check did not finish in 120 s");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            String report = String.join("\n", lines) + "\n" + read(errors);
            System.out.println(report);
            assertThat(process.exitValue()).as(report).isZero();
            assertThat(lines).as(report).anyMatch(l -> l.startsWith("java 25"));

            List<String[]> shares = new ArrayList<>();
            Map<String, long[]> live = new HashMap<>();
            long droppedAllocated = 0;
            for (String line : lines) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "share" -> shares.add(words);
                    case "live" -> live.put(words[1],
                            new long[] {Long.parseLong(words[2]), Long.parseLong(words[3])});
                    case "allocated" -> droppedAllocated = Long.parseLong(words[2]);
                    default -> { }
                }
            }
            assertThat(shares).as(report).hasSize(6);
            for (String[] share : shares) {
                assertThat(Double.parseDouble(share[3])).as(String.join(" ", share))
                        .isCloseTo(Double.parseDouble(share[4]), within(2.0));
            }
            long[] retained = live.get(RetainedAndDropped.RETAIN);
            long[] dropped = live.get(RetainedAndDropped.DROP);
            assertThat((double) retained[0]).as(report).isCloseTo(retained[1], within(0.1 * retained[1]));
            assertThat(dropped[0]).as(report).isLessThan(droppedAllocated / 100);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
