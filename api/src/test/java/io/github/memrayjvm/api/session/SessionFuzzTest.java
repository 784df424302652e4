package io.github.memrayjvm.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import io.github.memrayjvm.api.wire.fuzz.FuzzSettings;
import io.github.memrayjvm.api.wire.fuzz.WireMessages;
import io.github.memrayjvm.api.wire.fuzz.WireMutator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what a viewer does with the messages it decodes: whole sessions as the tracked side
 * sends them (a hello, snapshots of definitions, counters and samples, an end), damaged by
 * {@link WireMutator} and decoded frame by frame as the viewer would, applied to a
 * {@link SessionState}, and aggregated into the tables the renderers show.
 *
 * <p>The property: a message either applies or is refused with {@link WireFormatException} (the
 * viewer then ends the session with "connection dropped"); whatever was applied before can
 * always be aggregated, for every tracker, both figures, all threads and each thread, without an
 * exception. Undamaged sessions apply whole. Seeded like {@code WireCodecFuzzTest} (see
 * {@link FuzzSettings}); 100,000 sessions by default.
 */
class SessionFuzzTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void damagedSessionsAreRefusedCleanlyAndWhatWasAppliedStillAggregates() {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(100_000);
        long started = System.nanoTime();
        long whole = 0;
        long messages = 0;
        for (long index = settings.from(); index < settings.end(); index++) {
            SplittableRandom random = settings.randomFor(index);
            WireMessages generator = new WireMessages(random);
            List<Message> session = generator.session();
            List<byte[]> frames = new ArrayList<>();
            session.forEach(m -> frames.add(WireCodec.encodeFrame(m)));
            boolean valid = random.nextInt(10) == 0;
            byte[] stream = valid ? join(frames) : new WireMutator(random)
                    .mutateFrames(frames, WireCodec.encodeFrame(generator.any()));
            try {
                int applied = replay(stream);
                if (applied < 0) {
                    continue; // no hello: the viewer never got a session
                }
                messages += applied;
                if (applied == session.size() - 1) {
                    whole++;
                } else if (valid) {
                    fail("an undamaged session applied " + applied + " of " + (session.size() - 1)
                            + " messages: " + settings.describe(index, stream));
                }
            } catch (Throwable e) {
                fail("the session of " + settings.describe(index, stream) + " raised " + e, e);
            }
        }
        System.out.printf("session fuzz: %,d sessions from seed 0x%x in %,d ms, %,d applied"
                        + " whole, %,d messages applied%n", settings.inputs(), settings.seed(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), whole, messages);
        assertThat(whole).isPositive();
    }

    /**
     * Cuts the stream into frames, decodes and applies them as a viewer does, until the first
     * refusal; aggregates after every message. Returns how many messages after the hello
     * applied, or -1 when the stream does not start with a hello.
     */
    private static int replay(byte[] stream) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        SessionState state = null;
        int applied = 0;
        while (in.remaining() >= WireCodec.LENGTH_PREFIX_BYTES) {
            Message message;
            try {
                int length = WireCodec.checkFrameLength(in.getInt());
                if (in.remaining() < length) {
                    break;
                }
                ByteBuffer body = in.slice();
                body.limit(length);
                in.position(in.position() + length);
                message = WireCodec.decodeBody(body);
                if (state == null) {
                    if (!(message instanceof Hello hello)) {
                        return -1;
                    }
                    state = new SessionState(hello.info());
                    continue;
                }
                state.apply(message);
            } catch (WireFormatException refused) {
                break;
            }
            applied++;
            aggregate(state);
            if (state.ended()) {
                break;
            }
        }
        return state == null ? -1 : applied;
    }

    /** Everything a renderer asks of the state. */
    private static void aggregate(SessionState state) {
        for (int tracker = 0; tracker < state.info().trackers().size(); tracker++) {
            for (Figures figures : Figures.values()) {
                LocationTable all = Aggregation.table(state, tracker, figures, OptionalLong.empty());
                for (SortOrder order : SortOrder.values()) {
                    all.sorted(order);
                }
                all.rows().forEach(row -> all.percentOfBytes(row.total()));
                for (Long thread : state.threads().keySet()) {
                    Aggregation.table(state, tracker, figures, OptionalLong.of(thread));
                }
                Aggregation.byThread(state, tracker, figures);
            }
        }
        for (int gauge = 0; gauge < state.info().gauges().size(); gauge++) {
            state.current(gauge);
            state.peak(gauge);
        }
    }

    private static byte[] join(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
