package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.RefusedException;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.ProtocolVersionException;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A viewer's connection, from the greeting to the end: sends the greeting once connected,
 * completes {@link #handshake()} with the tracked side's {@link Hello} or the reason there is none,
 * then decodes messages into the {@link InboundQueue}, ending it with the tracked side's
 * {@link End} or one that says how the connection was lost. Event loop only, except
 * {@link #closingLocally()}.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private enum State { HANDSHAKE, LIVE, FINISHED }

    private final String server;
    private final Greeting greeting;
    private final InboundQueue inbound;
    private final CompletableFuture<Hello> handshake = new CompletableFuture<>();
    private State state = State.HANDSHAKE;
    private volatile boolean closingLocally;

    /**
     * @param server   the tracked side as the user named it ({@code host:port}), for messages
     * @param greeting what to send first
     * @param inbound  where received messages go
     */
    ClientConnection(String server, Greeting greeting, InboundQueue inbound) {
        this.server = server;
        this.greeting = greeting;
        this.inbound = inbound;
    }

    /**
     * Completes with the {@link Hello}, or exceptionally with a {@link RefusedException}, a
     * {@link ProtocolVersionException}, a {@link WireFormatException} (not a memray server) or
     * another {@link IOException} (the connection failed or closed first).
     */
    CompletableFuture<Hello> handshake() {
        return handshake;
    }

    /** The viewer is closing the connection itself (so its end says so). Any thread. */
    void closingLocally() {
        closingLocally = true;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        inbound.attach(ctx.channel());
        ctx.writeAndFlush(Frames.encode(greeting)).addListener(written -> {
            if (!written.isSuccess()) {
                ctx.fireExceptionCaught(written.cause());
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        ByteBuffer body = (ByteBuffer) frame;
        switch (state) {
            case HANDSHAKE -> answered(ctx, body);
            case LIVE -> received(ctx, body);
            case FINISHED -> {
                // closing already
            }
        }
    }

    private void answered(ChannelHandlerContext ctx, ByteBuffer body) {
        Message answer;
        try {
            answer = WireCodec.decodeBody(body.duplicate());
        } catch (ProtocolVersionException e) {
            fail(ctx, e);
            return;
        } catch (WireFormatException e) {
            fail(ctx, notMemray(e.getMessage()));
            return;
        }
        if (answer instanceof Hello hello) {
            state = State.LIVE;
            handshake.complete(hello);
        } else if (answer instanceof Refused refused) {
            fail(ctx, refusal(refused, Frames.handshakeVersion(body)));
        } else {
            fail(ctx, notMemray("it sent a message of type " + answer.getClass().getSimpleName()
                    + " before answering the greeting"));
        }
    }

    /**
     * A refusal for another version comes from a peer of that version (its header says which),
     * so it is the version error the caller expects; any other refusal stays a refusal.
     */
    private IOException refusal(Refused refused, int peerVersion) {
        if (refused.reason() == Refused.Reason.VERSION && peerVersion != greeting.protocolVersion()) {
            return new ProtocolVersionException(peerVersion);
        }
        return new RefusedException(refused);
    }

    private void received(ChannelHandlerContext ctx, ByteBuffer body) {
        Message message;
        try {
            message = WireCodec.decodeBody(body);
        } catch (WireFormatException e) {
            lose(ctx, "bad message from the tracked side: " + e.getMessage());
            return;
        }
        if (message instanceof End last) {
            state = State.FINISHED;
            inbound.end(last);
            ctx.close();
        } else {
            inbound.add(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        switch (state) {
            case HANDSHAKE -> fail(ctx, OneLine.unwrap(cause) instanceof WireFormatException
                    ? notMemray(OneLine.problem(cause))
                    : new IOException(server + ": " + OneLine.problem(cause), cause));
            case LIVE -> lose(ctx, OneLine.unwrap(cause) instanceof WireFormatException
                    ? "bad message from the tracked side: " + OneLine.problem(cause)
                    : OneLine.problem(cause));
            case FINISHED -> ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        switch (state) {
            case HANDSHAKE -> fail(ctx, new IOException(server
                    + " closed the connection without answering the greeting"));
            case LIVE -> lose(ctx, closingLocally ? "closed by this viewer"
                    : "closed by the tracked side without an end message");
            case FINISHED -> {
                // ended already
            }
        }
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, IOException failure) {
        state = State.FINISHED;
        handshake.completeExceptionally(failure);
        ctx.close();
    }

    /** Ends the queue with a lost-connection end, ignoring anything after, and closes. */
    private void lose(ChannelHandlerContext ctx, String why) {
        state = State.FINISHED;
        inbound.end(inbound.lost(why));
        ctx.close();
    }

    private WireFormatException notMemray(String why) {
        return new WireFormatException(server + " is not a memray server (" + why + ")");
    }
}
