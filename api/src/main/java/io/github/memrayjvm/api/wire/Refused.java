package io.github.memrayjvm.api.wire;

import java.util.Objects;

/**
 * The tracked side's answer to a {@link Greeting} it does not accept; the connection is closed
 * after it.
 *
 * @param reason  why, as a code
 * @param message why, for the user; never {@code null}
 */
public record Refused(Reason reason, String message) implements Message {

    /** Why a viewer was refused. */
    public enum Reason {
        /** The viewer speaks another protocol version. */
        VERSION,
        /** The viewer's token is missing or wrong. */
        TOKEN,
        /** As many viewers as allowed are already watching. */
        BUSY,
        /** Anything else. */
        OTHER
    }

    public Refused {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
