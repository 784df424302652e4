package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Message;

/**
 * The tracked side's policy for viewers, called by the transport. The transport handles bytes;
 * this decides who is let in and what they are sent.
 *
 * <p>Threading: called on transport threads, possibly concurrently for different connections;
 * implementations must be thread-safe and must not block.
 */
public interface ViewerHandler {

    /**
     * A connection greeted. Returns the answer: a {@link io.github.memrayjvm.api.wire.Hello} to
     * accept the viewer (the transport sends it, then the viewer is live: {@code channel} may be
     * sent messages from now on), or a {@link io.github.memrayjvm.api.wire.Refused} (the transport
     * sends it and closes the connection).
     *
     * <p>The transport sends the answer before any message sent on {@code channel} by this
     * handler, even one sent from inside this call.
     */
    Message onGreeting(Greeting greeting, ViewerChannel channel);

    /** An accepted viewer's connection closed, for whatever reason. Called once per viewer. */
    void onClosed(ViewerChannel channel);

    /**
     * A connection was dropped before it became a viewer: bad bytes, another protocol, no
     * greeting in time. {@code problem} is one line for the log.
     */
    void onRejected(String remoteAddress, String problem);
}
