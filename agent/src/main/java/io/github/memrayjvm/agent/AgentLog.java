package io.github.memrayjvm.agent;

import java.io.PrintStream;

/**
 * memray's own lines on the program's standard error: few, one line each, prefixed
 * {@code memray: }. Thread-safe.
 */
final class AgentLog {

    private final PrintStream err;

    AgentLog(PrintStream err) {
        this.err = err;
    }

    /** Writes one line, prefixed. */
    void line(String message) {
        err.println("memray: " + message);
        err.flush();
    }

    /** Writes one line as is (the "Run 'memray live ...'" line has no prefix). */
    void raw(String message) {
        err.println(message);
        err.flush();
    }
}
