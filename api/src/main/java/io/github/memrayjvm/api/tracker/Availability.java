package io.github.memrayjvm.api.tracker;

import java.util.Objects;

/**
 * Whether a tracker can run here, and if not, why.
 *
 * @param available {@code true} when it can run
 * @param reason    why it cannot, for the user (e.g. "needs Linux on x86-64 or aarch64");
 *                  empty when available; never {@code null}
 */
public record Availability(boolean available, String reason) {

    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /** It can run. */
    public static Availability yes() {
        return new Availability(true, "");
    }

    /** It cannot run, because {@code reason}. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
