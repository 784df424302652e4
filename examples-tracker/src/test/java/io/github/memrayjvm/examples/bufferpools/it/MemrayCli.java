package io.github.memrayjvm.examples.bufferpools.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code java -jar memray-cli.jar ...} process whose standard output and error go to
 * files, read back as lines.
 */
final class MemrayCli implements AutoCloseable {

    static final Path CLI_JAR = Path.of(System.getProperty("memray.cli.jar"));
    private static final Pattern RUN_LINE =
            Pattern.compile("Run 'memray live (\\d+)' in another shell to see live results");

    private final Process process;
    private final Path out;
    private final Path err;

    private MemrayCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code memray args...}; its output goes to files {@code dir/name.out|.err}. */
    static MemrayCli start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(CLI_JAR.toString());
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        return new MemrayCli(process, out, err);
    }

    /** Waits for the "Run 'memray live PORT' ..." line on standard error; returns the port. */
    int awaitPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : err()) {
                Matcher m = RUN_LINE.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no port announced; stderr: " + err());
    }

    /** Waits for the process to end; returns its exit status. */
    int waitFor(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; stderr: " + err());
        }
        return process.exitValue();
    }

    List<String> out() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    List<String> err() throws IOException {
        return Files.readAllLines(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
