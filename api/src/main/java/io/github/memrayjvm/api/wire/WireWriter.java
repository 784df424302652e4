package io.github.memrayjvm.api.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the protocol's primitive encodings. Not thread-safe. */
final class WireWriter {

    private byte[] bytes;
    private int size;

    WireWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void putIntAt(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void u16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void i32(int value) {
        ensure(4);
        putIntAt(size, value);
        size += 4;
    }

    void raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** Unsigned LEB128; {@code value} must not be negative. */
    void varLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value for an unsigned field: " + value);
        }
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void varInt(int value) {
        varLong(value);
    }

    /** Zig-zag then LEB128, for values that may be negative. */
    void signedVarLong(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        ensure(10);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[size++] = (byte) zigzag;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > WireCodec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length
                    + " bytes is longer than the protocol allows (" + WireCodec.MAX_STRING_BYTES + ")");
        }
        varInt(utf8.length);
        raw(utf8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
