package io.github.memrayjvm.api.wire;

import io.github.memrayjvm.api.model.SessionInfo;
import java.util.Objects;

/**
 * The tracked side's answer to an accepted {@link Greeting}: who it is and what it tracks.
 *
 * @param protocolVersion the tracked side's {@link WireCodec#PROTOCOL_VERSION}
 * @param info            the session; never {@code null}
 */
public record Hello(int protocolVersion, SessionInfo info) implements Message {

    public Hello {
        Objects.requireNonNull(info, "info");
    }
}
