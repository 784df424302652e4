package io.github.memrayjvm.api;

/**
 * An error whose message is written for the user: it says what went wrong and, where it can,
 * what to do instead. Hosts print the message alone (no stack trace) and exit with a non-zero
 * status.
 */
public class MemrayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the complete, user-facing message; never {@code null} */
    public MemrayException(String message) {
        super(message);
    }

    /**
     * @param message the complete, user-facing message; never {@code null}
     * @param cause   the underlying problem, kept for diagnostics
     */
    public MemrayException(String message, Throwable cause) {
        super(message, cause);
    }
}
