package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import java.time.Duration;

/**
 * A viewer's connection to the tracked side, after a successful handshake.
 *
 * <p>Messages are queued by the transport as they arrive, at most
 * {@link ClientConfig#queueCapacity()} of them; while the queue is full the transport stops
 * reading from the connection. {@link #poll} is meant for one consumer thread; {@link #close} may
 * be called from any thread.
 */
public interface ViewerLink extends AutoCloseable {

    /** The tracked side's answer to the greeting; never {@code null}. */
    Hello hello();

    /**
     * The next message, waiting up to {@code timeout}.
     *
     * @return the message, or {@code null} if none arrived in time; after the connection ended,
     *         always an {@link io.github.memrayjvm.api.wire.End}: the one the tracked side sent,
     *         or one made by the transport saying why the connection was lost
     */
    Message poll(Duration timeout) throws InterruptedException;

    /** Closes the connection. Idempotent; never throws. */
    @Override
    void close();
}
