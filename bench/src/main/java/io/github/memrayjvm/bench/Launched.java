package io.github.memrayjvm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A started process whose standard output lines are collected with the wall-clock time each
 * arrived at; standard error is collected too (for error messages).
 */
public final class Launched implements AutoCloseable {

    /** A line of output and when the harness read it (epoch milliseconds). */
    public record Line(long atMillis, String text) {
    }

    private final List<String> command;
    private final Process process;
    private final long startNanos;
    private final List<Line> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;
    private long endNanos;

    private Launched(List<String> command, Process process, long startNanos) {
        this.command = List.copyOf(command);
        this.process = process;
        this.startNanos = startNanos;
        this.outReader = reader(process.getInputStream(), true);
        this.errReader = reader(process.getErrorStream(), false);
    }

    /** Starts {@code command} with {@code environment} added to the harness's. */
    public static Launched start(List<String> command, Map<String, String> environment, Path dir)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        return new Launched(command, builder.start(), start);
    }

    public static Launched start(List<String> command, Path dir) throws IOException {
        return start(command, Map.of(), dir);
    }

    /**
     * Waits for the exit and the end of its output.
     *
     * @return the exit status
     * @throws IllegalStateException when it did not exit within {@code timeout} (it is killed)
     *                               or exited with a non-zero status
     */
    public int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("did not end within " + timeout.toSeconds() + " s: "
                    + describe());
        }
        endNanos = System.nanoTime();
        outReader.join(10_000);
        errReader.join(10_000);
        int status = process.exitValue();
        if (status != 0) {
            throw new IllegalStateException("exited with status " + status + ": " + describe());
        }
        return status;
    }

    /** Nanoseconds from the start to the exit seen by {@link #await}. */
    public long wallNanos() {
        return endNanos - startNanos;
    }

    public long pid() {
        return process.pid();
    }

    public synchronized List<Line> out() {
        return List.copyOf(out);
    }

    public synchronized List<String> err() {
        return List.copyOf(err);
    }

    /** The first output line starting with {@code prefix}. */
    public String outLine(String prefix) {
        return out().stream().map(Line::text).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no line starting with " + prefix
                        + " from " + describe()));
    }

    private String describe() {
        List<String> e = err();
        return String.join(" ", command) + (e.isEmpty() ? "" : " | stderr: "
                + String.join(" / ", e.subList(Math.max(0, e.size() - 5), e.size())));
    }

    private Thread reader(InputStream stream, boolean isOut) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    long at = System.currentTimeMillis();
                    synchronized (this) {
                        if (isOut) {
                            out.add(new Line(at, line));
                        } else {
                            err.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "bench-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
