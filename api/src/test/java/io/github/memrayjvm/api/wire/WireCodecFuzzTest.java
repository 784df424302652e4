package io.github.memrayjvm.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.memrayjvm.api.wire.fuzz.FuzzSettings;
import io.github.memrayjvm.api.wire.fuzz.WireMessages;
import io.github.memrayjvm.api.wire.fuzz.WireMutator;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link WireCodec#decodeBody}, the decoder of both directions (a viewer's greeting on
 * the tracked side, everything else on the viewer's side), with a million inputs per run:
 * valid bodies of every message type, the same damaged by {@link WireMutator} (bit flips,
 * truncation, varint lengths and counts set to huge or negative values, splices, repeated
 * sections), and random bytes.
 *
 * <p>The property: every input either decodes to a message, which encodes again (to bytes that
 * decode to the same encoding), or raises {@link WireFormatException} (of which
 * {@link ProtocolVersionException} is one) — never another exception, never a hang (the
 * watchdog below), and never allocates more than a small multiple of the input's size (measured
 * per input with the thread's allocation counter), so a forged length or count cannot make the
 * decoder reserve memory the bytes do not back.
 *
 * <p>A seeded, structure-aware generator in plain JUnit rather than Jazzer or jqwik: the codec
 * is pure and fast, so the generator reaches a million inputs in a few seconds of an ordinary
 * build, with no instrumentation agent and no dependency, and every failure names its seed and
 * input number ({@link FuzzSettings}) and prints the bytes to keep as a regression case.
 */
class WireCodecFuzzTest {

    /** The decoder may allocate this many times the input's size... */
    private static final long ALLOCATION_PER_INPUT_BYTE = 64;
    /** ...plus this much whatever the size (the exception, the message records). */
    private static final long ALLOCATION_OVERHEAD = 64 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyInputDecodesOrIsRejectedWithTheDeclaredExceptionWithinBoundedAllocation() {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(1_000_000);
        warmUp();
        long started = System.nanoTime();
        long decoded = 0;
        long rejected = 0;
        long inputBytes = 0;
        double worstRatio = 0;
        for (long index = settings.from(); index < settings.end(); index++) {
            SplittableRandom random = settings.randomFor(index);
            Input input = input(random);
            inputBytes += input.bytes.length;
            long before = THREADS.getCurrentThreadAllocatedBytes();
            Message message = null;
            try {
                message = WireCodec.decodeBody(ByteBuffer.wrap(input.bytes));
            } catch (WireFormatException expected) {
                rejected++;
            } catch (Throwable unexpected) {
                fail("decoding " + settings.describe(index, input.bytes) + " raised "
                        + unexpected, unexpected);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated > ALLOCATION_OVERHEAD + ALLOCATION_PER_INPUT_BYTE * input.bytes.length) {
                fail("decoding " + settings.describe(index, input.bytes) + " allocated "
                        + allocated + " bytes");
            }
            worstRatio = Math.max(worstRatio,
                    (double) Math.max(0, allocated - 4096) / Math.max(1, input.bytes.length));
            if (message != null) {
                decoded++;
                assertReencodes(message, settings, index, input.bytes);
            } else if (input.valid) {
                fail("a valid message did not decode: " + settings.describe(index, input.bytes));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("wire codec fuzz: %,d inputs (%,d bytes) from seed 0x%x in %,d ms:"
                        + " %,d decoded, %,d rejected; most allocated beyond 4 KiB: %.1f bytes"
                        + " per input byte%n", settings.inputs(), inputBytes, settings.seed(),
                millis, decoded, rejected, worstRatio);
        assertThat(decoded + rejected).isEqualTo(settings.inputs());
        if (settings.inputs() >= 10_000) {
            // the mix must exercise both outcomes, or the generator has gone blind
            assertThat(decoded).isGreaterThan(settings.inputs() / 20);
            assertThat(rejected).isGreaterThan(settings.inputs() / 2);
        }
    }

    /** Loads and initializes the classes decoding touches, so their loading is not measured. */
    private static void warmUp() {
        SplittableRandom random = new SplittableRandom(FuzzSettings.DEFAULT_SEED);
        for (int i = 0; i < 10_000; i++) {
            try {
                WireCodec.decodeBody(ByteBuffer.wrap(body(new WireMessages(random).any())));
            } catch (WireFormatException e) {
                throw new AssertionError("a valid message did not decode", e);
            }
        }
    }

    private static void assertReencodes(Message message, FuzzSettings settings, long index,
                                        byte[] input) {
        try {
            byte[] once = WireCodec.encodeFrame(message);
            Message again = WireCodec.decodeBody(ByteBuffer.wrap(once, 4, once.length - 4));
            byte[] twice = WireCodec.encodeFrame(again);
            if (!Arrays.equals(once, twice)) {
                fail("re-encoding is not stable for " + settings.describe(index, input));
            }
        } catch (Exception | AssertionError e) {
            fail("a decoded message does not encode again: " + settings.describe(index, input), e);
        }
    }

    /** One input: a valid body (10%), random bytes (10%), or a damaged valid body. */
    private static Input input(SplittableRandom random) {
        WireMessages messages = new WireMessages(random);
        WireMutator mutator = new WireMutator(random);
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Input(mutator.randomBytes(random.nextInt(8) == 0 ? random.nextInt(4096)
                    : random.nextInt(64)), false);
        }
        byte[] body = body(messages.any());
        if (kind == 1) {
            return new Input(body, true);
        }
        return new Input(mutator.mutate(body, body(messages.any())), false);
    }

    private static byte[] body(Message message) {
        byte[] frame = WireCodec.encodeFrame(message);
        return Arrays.copyOfRange(frame, WireCodec.LENGTH_PREFIX_BYTES, frame.length);
    }

    private record Input(byte[] bytes, boolean valid) {
    }
}
