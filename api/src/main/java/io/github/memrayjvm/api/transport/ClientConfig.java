package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.wire.Greeting;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a viewer connects and how it greets.
 *
 * @param host             the tracked side's host; never {@code null}
 * @param port             its port
 * @param greeting         the first message to send; never {@code null}
 * @param handshakeTimeout how long to wait for the connection and the answer to the greeting
 * @param queueCapacity    how many received messages may wait for the viewer before the
 *                         transport stops reading from the socket (so a slow viewer pushes back
 *                         on the sender instead of growing a queue)
 */
public record ClientConfig(String host, int port, Greeting greeting, Duration handshakeTimeout,
                           int queueCapacity) {

    public ClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
    }
}
