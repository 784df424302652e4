package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A viewer's live connection: the handshake's {@link Hello}, the queue of what came after, and
 * the event loop it runs on (its own, stopped on {@link #close()}). {@link #poll} for one
 * consumer thread, {@link #close()} from any.
 */
final class TcpViewerLink implements ViewerLink {

    private static final Duration SHUTDOWN_WAIT = Duration.ofMillis(500);

    private final String server;
    private final Hello hello;
    private final Channel channel;
    private final EventLoop loop;
    private final ClientConnection connection;
    private final InboundQueue inbound;
    private final AtomicBoolean closed = new AtomicBoolean();

    TcpViewerLink(String server, Hello hello, Channel channel, EventLoop loop,
                  ClientConnection connection, InboundQueue inbound) {
        this.server = server;
        this.hello = hello;
        this.channel = channel;
        this.loop = loop;
        this.connection = connection;
        this.inbound = inbound;
    }

    @Override
    public Hello hello() {
        return hello;
    }

    @Override
    public Message poll(Duration timeout) throws InterruptedException {
        return inbound.poll(timeout);
    }

    /** How many received messages wait to be polled. */
    int queued() {
        return inbound.size();
    }

    /**
     * Closes the connection and stops its event loop, waiting for that at most half a second;
     * messages already received can still be polled, then an end.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.closingLocally();
        channel.close();
        SingleEventLoop.shutdown(loop, SHUTDOWN_WAIT);
        // normally queued by the connection as it closed; this covers a loop that did not stop
        inbound.end(inbound.lost("closed by this viewer"));
    }

    @Override
    public String toString() {
        return "tcp link to " + server;
    }
}
