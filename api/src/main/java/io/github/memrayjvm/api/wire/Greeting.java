package io.github.memrayjvm.api.wire;

import java.util.Objects;

/**
 * The first message on a connection, from the viewer.
 *
 * @param protocolVersion the viewer's {@link WireCodec#PROTOCOL_VERSION}
 * @param token           the shared secret the viewer was given, or empty; never {@code null}
 * @param client          what the viewer is (e.g. {@code "memray-cli 0.1.0"}), for logs
 */
public record Greeting(int protocolVersion, String token, String client) implements Message {

    public Greeting {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(client, "client");
    }
}
