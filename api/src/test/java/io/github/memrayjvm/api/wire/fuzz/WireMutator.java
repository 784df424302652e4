package io.github.memrayjvm.api.wire.fuzz;

import io.github.memrayjvm.api.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages encoded messages the ways a broken or hostile peer would: bit flips, bytes set to edge
 * values, truncation, deleted, repeated and inserted sections, splices with another input,
 * varint fields (lengths, counts, ids) replaced by huge, negative or over-long encodings, frame
 * length prefixes set to values outside the limits, and plain random bytes. Pure; not
 * thread-safe (it owns its random generator).
 */
public final class WireMutator {

    /** Inputs never grow beyond this, to keep a million of them fast. */
    public static final int MAX_INPUT_BYTES = 256 * 1024;

    private static final int[] EDGE_BYTES = {0x00, 0x01, 0x02, 0x07, 0x7F, 0x80, 0xFE, 0xFF};
    private static final long[] EDGE_VARINTS = {
        0, 1, 2, 3, 63, 64, 127, 128, 4095, 4096, 4097, WireCodec.MAX_STRING_BYTES,
        WireCodec.MAX_STRING_BYTES + 1L, WireCodec.MAX_TRACKERS, WireCodec.MAX_TRACKERS + 1L,
        WireCodec.MAX_FRAME_BYTES, WireCodec.MAX_FRAME_BYTES + 1L, Integer.MAX_VALUE,
        1L << 31, 1L << 32, Long.MAX_VALUE, -1L, Long.MIN_VALUE
    };
    private static final int[] EDGE_LENGTHS = {
        0, 1, 2, 3, 4, 5, 11, -1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE,
        WireCodec.MAX_FRAME_BYTES, WireCodec.MAX_FRAME_BYTES + 1, WireCodec.MAX_STRING_BYTES,
        1 << 20, 0x47455420 /* "GET " */, 0x16030100 /* a TLS record */
    };

    private final SplittableRandom random;

    public WireMutator(SplittableRandom random) {
        this.random = random;
    }

    /** {@code length} random bytes. */
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * The frames (each a whole frame, length prefix included) concatenated, some prefixes set to
     * edge values first, then damaged with {@link #mutate}.
     */
    public byte[] mutateFrames(List<byte[]> frames, byte[] donor) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            byte[] copy = frame.clone();
            if (random.nextInt(4) == 0) {
                int length = random.nextInt(3) == 0 ? copy.length - 4 + random.nextInt(-2, 3)
                        : EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)];
                putInt(copy, 0, length);
            }
            stream.writeBytes(copy);
        }
        byte[] joined = stream.toByteArray();
        return random.nextInt(5) == 0 ? joined : mutate(joined, donor);
    }

    /** The input with one to a few (now and then many) damages; the input is not changed. */
    public byte[] mutate(byte[] input, byte[] donor) {
        byte[] bytes = input.clone();
        int rounds = random.nextInt(8) == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            bytes = mutateOnce(bytes, donor);
            if (bytes.length > MAX_INPUT_BYTES) {
                bytes = Arrays.copyOf(bytes, MAX_INPUT_BYTES);
            }
        }
        return bytes;
    }

    private byte[] mutateOnce(byte[] bytes, byte[] donor) {
        int n = bytes.length;
        switch (random.nextInt(11)) {
            case 0 -> {
                if (n > 0) {
                    bytes[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 1 -> {
                if (n > 0) {
                    bytes[random.nextInt(n)] = (byte) (random.nextBoolean()
                            ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : random.nextInt(256));
                }
                return bytes;
            }
            case 2 -> {
                return Arrays.copyOf(bytes, n == 0 ? 0 : random.nextInt(n));
            }
            case 3 -> {
                int from = position(n);
                int to = from + random.nextInt(n - from + 1);
                return concat(slice(bytes, 0, from), slice(bytes, to, n));
            }
            case 4 -> {
                int from = position(n);
                int to = from + random.nextInt(Math.min(n - from, 64) + 1);
                int times = random.nextInt(10) == 0 ? random.nextInt(2000) : 1 + random.nextInt(4);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(slice(bytes, 0, to));
                for (int t = 0; t < times && out.size() < MAX_INPUT_BYTES; t++) {
                    out.writeBytes(slice(bytes, from, to));
                }
                out.writeBytes(slice(bytes, to, n));
                return out.toByteArray();
            }
            case 5 -> {
                int at = position(n);
                return concat(slice(bytes, 0, at), randomBytes(1 + random.nextInt(16)),
                        slice(bytes, at, n));
            }
            case 6 -> {
                int at = position(n);
                int from = position(donor.length);
                return concat(slice(bytes, 0, at), slice(donor, from, donor.length));
            }
            case 7, 8 -> {
                return replaceVarint(bytes);
            }
            case 9 -> {
                if (n >= 4) {
                    putInt(bytes, random.nextInt(n - 3), EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)]);
                }
                return bytes;
            }
            default -> {
                byte[] run = new byte[1 + random.nextInt(random.nextBoolean() ? 12 : 200)];
                Arrays.fill(run, (byte) (random.nextBoolean() ? 0x80 : 0xFF));
                int at = position(n);
                return concat(slice(bytes, 0, at), run, slice(bytes, at, n));
            }
        }
    }

    /**
     * Replaces the varint that starts at a random position (as a varint reader there would see
     * it) with another: an edge value, a negative number's ten bytes, or an over-long encoding.
     */
    private byte[] replaceVarint(byte[] bytes) {
        int n = bytes.length;
        int at = position(n);
        int end = at;
        while (end < n && end - at < 10 && (bytes[end] & 0x80) != 0) {
            end++;
        }
        end = Math.min(n, end + 1);
        return concat(slice(bytes, 0, at), varint(EDGE_VARINTS[random.nextInt(EDGE_VARINTS.length)]),
                slice(bytes, end, n));
    }

    private byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        if (random.nextInt(6) == 0) { // over-long: redundant continuation bytes
            out.write((int) (value | 0x80));
            for (int i = random.nextInt(12); i > 0; i--) {
                out.write(0x80);
            }
            out.write(0);
        } else {
            out.write((int) value);
        }
        return out.toByteArray();
    }

    private int position(int length) {
        return random.nextInt(length + 1);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
