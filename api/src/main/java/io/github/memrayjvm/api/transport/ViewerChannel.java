package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.wire.Message;
import java.util.concurrent.CompletableFuture;

/**
 * One connected viewer, as the tracked side sees it. Thread-safe.
 *
 * <p>Sending never blocks: the message is queued and written by the transport. To keep memory
 * bounded, a sender checks {@link #isWritable()} and holds back (coalescing its changes) while it
 * is {@code false}.
 */
public interface ViewerChannel {

    /** The viewer's address, for logs; never {@code null}. */
    String remoteAddress();

    /**
     * {@code false} while the transport holds more unsent bytes for this viewer than its bound
     * (the viewer reads slowly or not at all); {@code true} again once they drain.
     */
    boolean isWritable();

    /**
     * Queues a message.
     *
     * @return completes when the message was written to the connection, or exceptionally when
     *         it could not be (the connection closed); never {@code null}
     */
    CompletableFuture<Void> send(Message message);

    /** {@code true} until the connection closes. */
    boolean isOpen();

    /** Closes the connection after the messages already queued. Idempotent. */
    void close();
}
