package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.fail;

import io.github.memrayjvm.api.transport.RefusedException;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.fuzz.FuzzSettings;
import io.github.memrayjvm.api.wire.fuzz.WireMessages;
import io.github.memrayjvm.api.wire.fuzz.WireMutator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes both ends of a connection at the frame level, through the real pipelines (the
 * {@link FrameDecoder} then the connection's handler) on Netty's {@link EmbeddedChannel}: the
 * tracked side reading what a would-be viewer sends (a greeting, maybe more), and the viewer
 * reading what a would-be tracked program sends (a hello, definitions, counters, samples, an end).
 * Inputs are valid streams, the same damaged by {@link WireMutator} (frame length prefixes set to
 * zero, negative or beyond the limits, bytes flipped, cut, repeated, spliced) and random bytes,
 * delivered in one piece or in many small reads; now and then a whole frame just over the side's
 * limit, body included, which must be refused from its length alone.
 *
 * <p>The properties: no exception ever leaves the pipeline (the embedded channel rethrows any
 * that does); no frame body passed on is larger than the side's limit, so no forged length makes
 * the decoder reserve more than the limit permits; on the tracked side every connection ends in
 * exactly one report to the {@link ViewerHandler} (rejected, or accepted then closed); on the
 * viewer's side the handshake always completes, with a {@link Hello} or an {@link IOException},
 * and an accepted connection's messages always end with one {@link End}. Valid streams must be
 * accepted whole. A hang is caught by the watchdog.
 *
 * <p>A seeded generator in plain JUnit (see {@code WireCodecFuzzTest} for why); the number of
 * inputs and the seed follow {@link FuzzSettings}.
 */
class FrameFuzzTest {

    private static final int DEFAULT_INPUTS = 500_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theTrackedSideSurvivesAnyBytesFromAWouldBeViewer() {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(DEFAULT_INPUTS);
        long started = System.nanoTime();
        long accepted = 0;
        for (long index = settings.from(); index < settings.end(); index++) {
            SplittableRandom random = settings.randomFor(index);
            WireMessages messages = new WireMessages(random);
            WireMutator mutator = new WireMutator(random);
            List<byte[]> frames = new ArrayList<>();
            frames.add(WireCodec.encodeFrame(messages.greeting()));
            for (int i = random.nextInt(4) == 0 ? random.nextInt(3) : 0; i > 0; i--) {
                frames.add(WireCodec.encodeFrame(messages.any()));
            }
            Input input = random.nextInt(1000) == 0
                    ? oversized(random, TcpServer.MAX_GREETING_BYTES)
                    : input(random, mutator, frames, WireCodec.encodeFrame(messages.any()));
            try {
                accepted += serverRun(input) ? 1 : 0;
            } catch (Throwable e) {
                fail("the tracked side on " + settings.describe(index, input.bytes) + ": " + e, e);
            }
        }
        report("tracked side (greeting decoding)", settings, started, accepted);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theViewerSurvivesAnyBytesFromAWouldBeTrackedProgram() {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(DEFAULT_INPUTS);
        long started = System.nanoTime();
        long accepted = 0;
        for (long index = settings.from(); index < settings.end(); index++) {
            SplittableRandom random = settings.randomFor(index);
            WireMessages messages = new WireMessages(random);
            WireMutator mutator = new WireMutator(random);
            List<byte[]> frames = new ArrayList<>();
            frames.add(WireCodec.encodeFrame(random.nextInt(8) == 0 ? messages.refused()
                    : messages.hello()));
            for (int i = random.nextInt(6); i > 0; i--) {
                Message next = switch (random.nextInt(3)) {
                    case 0 -> messages.definitions();
                    case 1 -> messages.counters();
                    default -> messages.sample();
                };
                frames.add(WireCodec.encodeFrame(next));
            }
            if (random.nextBoolean()) {
                frames.add(WireCodec.encodeFrame(messages.end()));
            }
            Input input = random.nextInt(20_000) == 0
                    ? oversized(random, WireCodec.MAX_FRAME_BYTES)
                    : input(random, mutator, frames, WireCodec.encodeFrame(messages.any()));
            try {
                accepted += clientRun(input, frames.size()) ? 1 : 0;
            } catch (Throwable e) {
                fail("the viewer on " + settings.describe(index, input.bytes) + ": " + e, e);
            }
        }
        report("viewer (tracked side's messages)", settings, started, accepted);
    }

    /** Feeds the tracked side's pipeline; returns whether the peer became a viewer. */
    private static boolean serverRun(Input input) {
        Reports reports = new Reports();
        BodySizes sizes = new BodySizes();
        EmbeddedChannel channel = new EmbeddedChannel(
                new FrameDecoder(TcpServer.MAX_GREETING_BYTES, "greeting limit"), sizes,
                new ServerConnection(reports, Duration.ofMinutes(1), () -> false));
        feed(channel, input);
        channel.finishAndReleaseAll();
        sizes.check(TcpServer.MAX_GREETING_BYTES, input.bytes.length);
        if (reports.rejected + reports.closed != 1 || reports.closed > reports.greeted) {
            throw new AssertionError("the connection ended in " + reports.rejected
                    + " rejection(s) and " + reports.closed + " close(s) after "
                    + reports.greeted + " greeting(s); expected exactly one report");
        }
        if (input.valid && reports.greeted != 1) {
            throw new AssertionError("a valid greeting was not accepted: " + reports.problems);
        }
        return reports.greeted == 1;
    }

    /** Feeds the viewer's pipeline; returns whether the handshake succeeded. */
    private static boolean clientRun(Input input, int frames) throws Exception {
        InboundQueue inbound = new InboundQueue(1_000_000);
        ClientConnection connection = new ClientConnection("fuzz:1",
                new Greeting(WireCodec.PROTOCOL_VERSION, "", "fuzz"), inbound);
        BodySizes sizes = new BodySizes();
        EmbeddedChannel channel = new EmbeddedChannel(
                new FrameDecoder(WireCodec.MAX_FRAME_BYTES, "frame limit"), sizes, connection);
        feed(channel, input);
        channel.finishAndReleaseAll();
        sizes.check(WireCodec.MAX_FRAME_BYTES, input.bytes.length);
        CompletableFuture<Hello> handshake = connection.handshake();
        if (!handshake.isDone()) {
            throw new AssertionError("the handshake never completed");
        }
        try {
            handshake.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw new AssertionError("the handshake failed with " + e.getCause(), e.getCause());
            }
            if (input.valid && !(e.getCause() instanceof RefusedException)) {
                throw new AssertionError("a valid stream was not accepted", e.getCause());
            }
            return false;
        }
        if (!inbound.ended()) {
            throw new AssertionError("an accepted connection closed without an end");
        }
        int received = 0;
        Message message;
        while (!((message = inbound.poll(Duration.ZERO)) instanceof End)) {
            if (message == null) {
                throw new AssertionError("the queue ran dry before its end");
            }
            received++;
        }
        int mostFrames = input.bytes.length / (WireCodec.LENGTH_PREFIX_BYTES + 1);
        if (received > mostFrames) {
            throw new AssertionError(received + " messages from " + input.bytes.length
                    + " bytes, which hold at most " + mostFrames + " frames");
        }
        if (input.valid && received + 2 < frames) {
            throw new AssertionError("a valid stream lost messages: " + received + " of " + frames);
        }
        return true;
    }

    /** Delivers the bytes in one piece or in small reads, until the connection closes. */
    private static void feed(EmbeddedChannel channel, Input input) {
        byte[] bytes = input.bytes;
        int at = 0;
        while (at < bytes.length && channel.isOpen()) {
            int length = input.pieces ? Math.min(bytes.length - at, 1 + (at * 31 + 7) % 13)
                    : bytes.length - at;
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, length));
            at += length;
        }
        channel.checkException();
    }

    /** A valid stream (10%), random bytes (10%), or a damaged stream. */
    private static Input input(SplittableRandom random, WireMutator mutator, List<byte[]> frames,
                               byte[] donor) {
        boolean pieces = random.nextInt(4) == 0;
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Input(mutator.randomBytes(random.nextInt(8) == 0 ? random.nextInt(4096)
                    : random.nextInt(64)), false, pieces);
        }
        if (kind == 1) {
            return new Input(join(frames), true, pieces);
        }
        return new Input(mutator.mutateFrames(frames, donor), false, pieces);
    }

    /**
     * A frame a little longer than {@code limit}, body and all: the decoder must refuse it from
     * its length alone rather than buffer it and pass it on.
     */
    private static Input oversized(SplittableRandom random, int limit) {
        int length = limit + 1 + random.nextInt(64 * 1024);
        ByteBuffer frame = ByteBuffer.allocate(WireCodec.LENGTH_PREFIX_BYTES + length);
        frame.putInt(length).put((byte) (1 + random.nextInt(7)));
        return new Input(frame.array(), false, false);
    }

    private static byte[] join(List<byte[]> frames) {
        int size = frames.stream().mapToInt(f -> f.length).sum();
        ByteBuffer joined = ByteBuffer.allocate(size);
        frames.forEach(joined::put);
        return joined.array();
    }

    private static void report(String side, FuzzSettings settings, long started, long accepted) {
        System.out.printf("frame fuzz, %s: %,d inputs from seed 0x%x in %,d ms, %,d accepted%n",
                side, settings.inputs(), settings.seed(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), accepted);
    }

    private record Input(byte[] bytes, boolean valid, boolean pieces) {
    }

    /** Records the size of every frame body the decoder passes on. */
    private static final class BodySizes extends ChannelInboundHandlerAdapter {
        private long largest;
        private long total;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object body) {
            int size = ((ByteBuffer) body).remaining();
            largest = Math.max(largest, size);
            total += size;
            ctx.fireChannelRead(body);
        }

        void check(int limit, int inputBytes) {
            if (largest > limit || total > inputBytes) {
                throw new AssertionError("bodies of up to " + largest + " bytes (" + total
                        + " in all) from " + inputBytes + " input bytes, limit " + limit);
            }
        }
    }

    /** Counts the handler's calls; accepts every greeting. */
    private static final class Reports implements ViewerHandler {
        private int greeted;
        private int closed;
        private int rejected;
        private final List<String> problems = new ArrayList<>();

        @Override
        public Message onGreeting(Greeting greeting, ViewerChannel channel) {
            greeted++;
            return Fixtures.HELLO;
        }

        @Override
        public void onClosed(ViewerChannel channel) {
            closed++;
        }

        @Override
        public void onRejected(String remoteAddress, String problem) {
            rejected++;
            problems.add(problem);
        }
    }
}
