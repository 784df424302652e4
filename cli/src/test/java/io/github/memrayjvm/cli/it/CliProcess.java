package io.github.memrayjvm.cli.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code java -jar memray-cli.jar ...} process, with its standard output and error
 * collected line by line as they come.
 */
final class CliProcess implements AutoCloseable {

    static final Path CLI_JAR = Path.of(System.getProperty("memray.cli.jar", "target/memray-cli.jar"));
    static final Pattern RUN_LINE =
            Pattern.compile("^Run 'memray live (\\d+)' in another shell to see live results$");

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(Process process) {
        this.process = process;
        outReader = collect(process.getInputStream(), out);
        errReader = collect(process.getErrorStream(), err);
    }

    /** Starts {@code memray args...} with the JVM running the tests. */
    static CliProcess start(String... args) throws IOException {
        return start(Map.of(), false, args);
    }

    /** Starts {@code memray args...} with {@code environment} added to the test's own. */
    static CliProcess start(Map<String, String> environment, String... args) throws IOException {
        return start(environment, false, args);
    }

    /**
     * Starts {@code memray args...} with SIGINT handled the default way, even where the tests
     * run with it ignored (as background jobs of a shell do); see {@link Signals}.
     */
    static CliProcess startWithDefaultSignals(String... args) throws IOException {
        return start(Map.of(), true, args);
    }

    private static CliProcess start(Map<String, String> environment, boolean defaultSignals,
                                    String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (defaultSignals) {
            command.addAll(Signals.DEFAULT_SIGNALS_PREFIX);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(CLI_JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MEMRAY_LIVE_TOKEN");
        builder.environment().putAll(environment);
        return new CliProcess(builder.start());
    }

    /** The test classes, as a class path for programs run under memray. */
    static String testClasspath() {
        return Path.of("target", "test-classes").toAbsolutePath().toString();
    }

    private static Thread collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits for the "Run 'memray live PORT' ..." line and returns the port. */
    int awaitPort(Duration timeout) throws InterruptedException {
        Matcher m = awaitErr(RUN_LINE, timeout);
        return Integer.parseInt(m.group(1));
    }

    /** Waits for a standard error line matching {@code pattern}. */
    Matcher awaitErr(Pattern pattern, Duration timeout) throws InterruptedException {
        return await(err, pattern, timeout);
    }

    /** Waits for a standard output line matching {@code pattern}. */
    Matcher awaitOut(Pattern pattern, Duration timeout) throws InterruptedException {
        return await(out, pattern, timeout);
    }

    private Matcher await(List<String> lines, Pattern pattern, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
            }
            if (!process.isAlive() && System.nanoTime() > deadline - timeout.toNanos() / 2) {
                Thread.sleep(100);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout
                + "\nstdout: " + out() + "\nstderr: " + err());
    }

    /** Waits for the process to end and returns its status. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + "\nstdout: " + out()
                    + "\nstderr: " + err());
        }
        // the last lines: read until the end of both streams
        outReader.join(timeout.toMillis());
        errReader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** Writes to the process's standard input. */
    void writeStdin(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    Process process() {
        return process;
    }

    /** The tracked program's JVM: the first process this one started. */
    ProcessHandle program(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var child = process.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no program process within " + timeout);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
