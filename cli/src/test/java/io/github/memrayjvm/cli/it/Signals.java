package io.github.memrayjvm.cli.it;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** POSIX signals for the tests, through {@code kill} and {@code env}. */
final class Signals {

    /**
     * Runs a command with SIGINT and SIGTERM handled the default way (GNU env): a shell's
     * background jobs start with SIGINT ignored, and an ignored signal stays ignored in children.
     */
    static final List<String> DEFAULT_SIGNALS_PREFIX = List.of("env", "--default-signal=INT,TERM");

    private Signals() {
    }

    /** {@code true} when {@link #DEFAULT_SIGNALS_PREFIX} works here. */
    static boolean canResetDefaults() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT,TERM", "true")
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Sends {@code signal} (e.g. {@code INT}, {@code STOP}) to {@code pid}. */
    static void send(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }
}
