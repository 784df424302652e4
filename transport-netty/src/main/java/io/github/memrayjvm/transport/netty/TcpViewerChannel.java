package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.wire.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A viewer's connection as the tracked side sends on it. Messages are encoded on the caller's
 * thread and queued in Netty's outbound buffer, whose size the channel's write-buffer water marks
 * turn into {@link #isWritable()}.
 *
 * <p>The answer to the greeting always goes first: until the transport has written it
 * ({@link #open} or {@link #refuse}), messages sent here are held back, including those sent by
 * the handler from inside {@code onGreeting}. Thread-safe; futures complete on the connection's
 * event loop.
 */
final class TcpViewerChannel implements ViewerChannel {

    private record Held(ByteBuf frame, CompletableFuture<Void> written) {
    }

    private final Channel channel;
    private final String remoteAddress;
    /** Guarded by {@code this}; {@code null} once the answer is written. */
    private List<Held> held = new ArrayList<>();
    /** Guarded by {@code this}: {@link #close()} was called before the answer was written. */
    private boolean closeWhenOpened;

    TcpViewerChannel(Channel channel, String remoteAddress) {
        this.channel = channel;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public CompletableFuture<Void> send(Message message) {
        ByteBuf frame;
        try {
            frame = Frames.encode(message);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        synchronized (this) {
            if (held != null) {
                held.add(new Held(frame, written));
                return written;
            }
        }
        write(frame, written, true);
        return written;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (held != null) {
                closeWhenOpened = true;
                return;
            }
        }
        closeAfterWrites();
    }

    /**
     * Writes the accepting answer, then what was held back, and lets later messages through.
     * Event loop only.
     */
    void open(ByteBuf answer) {
        channel.write(answer, channel.voidPromise());
        List<Held> release;
        boolean close;
        synchronized (this) {
            release = held;
            close = closeWhenOpened;
            held = null;
        }
        for (Held message : release) {
            write(message.frame(), message.written(), false);
        }
        channel.flush();
        if (close) {
            closeAfterWrites();
        }
    }

    /** Writes the refusing answer and closes; what was held back is dropped. Event loop only. */
    void refuse(ByteBuf answer) {
        discard();
        channel.writeAndFlush(answer).addListener(written -> channel.close());
    }

    /** Drops what was held back (the viewer was not accepted). Event loop only. */
    void discard() {
        List<Held> dropped;
        synchronized (this) {
            dropped = held;
            held = null;
        }
        if (dropped != null) {
            for (Held message : dropped) {
                message.frame().release();
                message.written().completeExceptionally(
                        new ClosedChannelException());
            }
        }
    }

    private void write(ByteBuf frame, CompletableFuture<Void> written, boolean flush) {
        ChannelFuture future = flush ? channel.writeAndFlush(frame) : channel.write(frame);
        if (future.isDone()) {
            // refused at once (the event loop is gone): Netty could not run a listener
            complete(future, written);
        } else {
            future.addListener(done -> complete(future, written));
        }
    }

    private static void complete(ChannelFuture future, CompletableFuture<Void> written) {
        if (future.isSuccess()) {
            written.complete(null);
        } else {
            written.completeExceptionally(future.cause());
        }
    }

    private void closeAfterWrites() {
        if (!channel.isOpen()) {
            return;
        }
        ChannelFuture flushed = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
        if (flushed.isDone()) {
            channel.close();
        } else {
            flushed.addListener(done -> channel.close());
        }
    }

    @Override
    public String toString() {
        return "viewer " + remoteAddress;
    }
}
