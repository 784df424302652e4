package io.github.memrayjvm.api.wire;

import java.util.Objects;

/**
 * The program has ended; nothing follows and the connection closes.
 *
 * @param sample the number of the last snapshot sent
 * @param reason how it ended, for the user (e.g. "program exited"); never {@code null}
 */
public record End(long sample, String reason) implements Message {

    public End {
        Objects.requireNonNull(reason, "reason");
    }
}
