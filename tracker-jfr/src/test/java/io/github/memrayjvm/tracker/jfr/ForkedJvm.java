package io.github.memrayjvm.tracker.jfr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a new JVM and collects its output. */
final class ForkedJvm {

    /** The Temurin 25 JDK this project is also tested on. */
    static final Path JDK25_JAVA = Path.of(System.getProperty("memray.jdk25.java",
            "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

    /** What the JVM did. */
    record Result(int exitCode, List<String> stdout, String stderr) {
    }

    private ForkedJvm() {
    }

    /** The {@code java} of the JVM running the tests. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions} and {@code args} and waits for it to exit.
     *
     * @throws AssertionError if it does not exit within {@code timeout} (it is killed)
     */
    static Result run(Path java, List<String> jvmOptions, Class<?> mainClass, List<String> args,
                      Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(args);
        Path out = Files.createTempFile("memray-jfr-fork", ".out");
        Path err = Files.createTempFile("memray-jfr-fork", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the forked JVM did not exit within " + timeout + ": "
                        + command + "\nstdout:\n" + Files.readString(out)
                        + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
