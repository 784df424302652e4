package io.github.memrayjvm.api.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Where and how the tracked side listens.
 *
 * @param host            the address to bind, e.g. {@code 127.0.0.1}; never {@code null}
 * @param port            the port, or 0 for any free port
 * @param threadFactory   makes every thread the transport needs; they are daemons and are
 *                        memray's own (not tracked); never {@code null}
 * @param greetingTimeout how long a new connection may take to greet before it is dropped
 */
public record ServerConfig(String host, int port, ThreadFactory threadFactory,
                           Duration greetingTimeout) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(threadFactory, "threadFactory");
        Objects.requireNonNull(greetingTimeout, "greetingTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
