package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.ProtocolVersionException;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One incoming connection on the tracked side, from its first byte to its close: waits for the
 * greeting (bounded in time by the greeting timeout and in size by the frame decoder before it),
 * asks the {@link ViewerHandler}, sends the answer, and reports the end.
 *
 * <p>Every connection ends in exactly one report: {@link ViewerHandler#onRejected} if it never
 * became a viewer (bad bytes, another protocol version, no greeting in time, closed early),
 * {@link ViewerHandler#onClosed} if it did, nothing if the handler refused it. A viewer sends
 * nothing after its greeting; anything it does send closes the connection. One instance per
 * connection; event loop only.
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {

    private enum State { AWAITING_GREETING, VIEWER, FINISHED }

    private final ViewerHandler handler;
    private final Duration greetingTimeout;
    private final BooleanSupplier serverClosing;

    private State state = State.AWAITING_GREETING;
    private String remote = "unknown peer";
    private ScheduledFuture<?> greetingDeadline;
    private TcpViewerChannel viewer;

    ServerConnection(ViewerHandler handler, Duration greetingTimeout,
                     BooleanSupplier serverClosing) {
        this.handler = handler;
        this.greetingTimeout = greetingTimeout;
        this.serverClosing = serverClosing;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        remote = OneLine.address(ctx.channel().remoteAddress());
        greetingDeadline = ctx.executor().schedule(
                () -> reject(ctx, "sent no greeting within " + OneLine.duration(greetingTimeout)),
                greetingTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        ByteBuffer body = (ByteBuffer) frame;
        switch (state) {
            case AWAITING_GREETING -> greeted(ctx, body);
            case VIEWER -> ctx.close(); // a viewer has nothing to say after its greeting
            case FINISHED -> {
                // closing already
            }
        }
    }

    private void greeted(ChannelHandlerContext ctx, ByteBuffer body) {
        cancelDeadline();
        Message first;
        try {
            first = WireCodec.decodeBody(body);
        } catch (ProtocolVersionException e) {
            refuseVersion(ctx, e.peerVersion());
            return;
        } catch (WireFormatException e) {
            reject(ctx, "not a memray viewer: " + e.getMessage());
            return;
        }
        if (!(first instanceof Greeting greeting)) {
            reject(ctx, "sent a message of type " + first.getClass().getSimpleName()
                    + " instead of a greeting");
            return;
        }
        TcpViewerChannel channel = new TcpViewerChannel(ctx.channel(), remote);
        Message answer;
        ByteBuf answerFrame;
        try {
            answer = handler.onGreeting(greeting, channel);
            answerFrame = answer == null ? null : Frames.encode(answer);
        } catch (RuntimeException e) {
            channel.discard();
            reject(ctx, "the viewer handler failed on the greeting: " + OneLine.problem(e));
            return;
        }
        if (answer instanceof Hello) {
            state = State.VIEWER;
            viewer = channel;
            channel.open(answerFrame);
        } else if (answer instanceof Refused) {
            state = State.FINISHED;
            channel.refuse(answerFrame);
        } else {
            if (answerFrame != null) {
                answerFrame.release();
            }
            channel.discard();
            reject(ctx, "the viewer handler answered " + answer + " instead of a Hello or a Refused");
        }
    }

    /** Answers a viewer of another protocol version with a refusal it can read, then closes. */
    private void refuseVersion(ChannelHandlerContext ctx, int viewerVersion) {
        state = State.FINISHED;
        Refused refusal = new Refused(Refused.Reason.VERSION, "the tracked program speaks memray"
                + " protocol version " + WireCodec.PROTOCOL_VERSION + ", this viewer speaks version "
                + viewerVersion + "; use the same memray version on both sides");
        ctx.writeAndFlush(Frames.encode(refusal)).addListener(written -> ctx.close());
        report(() -> handler.onRejected(remote, "speaks memray protocol version " + viewerVersion
                + ", this side speaks version " + WireCodec.PROTOCOL_VERSION + "; refused"));
    }

    /** Drops a connection that did not become a viewer, and reports it (once). */
    private void reject(ChannelHandlerContext ctx, String problem) {
        if (state != State.AWAITING_GREETING) {
            return;
        }
        state = State.FINISHED;
        cancelDeadline();
        ctx.close();
        report(() -> handler.onRejected(remote, problem));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        switch (state) {
            case AWAITING_GREETING -> reject(ctx, OneLine.unwrap(cause) instanceof WireFormatException
                    ? "not a memray viewer: " + OneLine.problem(cause)
                    : "connection failed before the greeting: " + OneLine.problem(cause));
            case VIEWER, FINISHED -> ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        switch (state) {
            case AWAITING_GREETING -> reject(ctx, serverClosing.getAsBoolean()
                    ? "dropped before the greeting: the server is closing"
                    : "closed the connection without greeting");
            case VIEWER -> {
                state = State.FINISHED;
                TcpViewerChannel closed = viewer;
                report(() -> handler.onClosed(closed));
            }
            case FINISHED -> {
                // reported already
            }
        }
        ctx.fireChannelInactive();
    }

    private void cancelDeadline() {
        if (greetingDeadline != null) {
            greetingDeadline.cancel(false);
        }
    }

    /** Calls the handler; its failures must not disturb the transport (nowhere to report them). */
    private static void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // the handler's own fault; the connection is over either way
        }
    }
}
