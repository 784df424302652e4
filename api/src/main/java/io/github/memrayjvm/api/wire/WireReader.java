package io.github.memrayjvm.api.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protocol's primitive encodings from a buffer, checking every length against what is
 * left, so no input can make it allocate more than the input's own size. Not thread-safe.
 */
final class WireReader {

    private final ByteBuffer buffer;

    WireReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    int remaining() {
        return buffer.remaining();
    }

    int u8() throws WireFormatException {
        need(1);
        return buffer.get() & 0xFF;
    }

    int u16() throws WireFormatException {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    void raw(byte[] into) throws WireFormatException {
        need(into.length);
        buffer.get(into);
    }

    long varLong() throws WireFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0xFE) != 0) {
                throw new WireFormatException("variable-length number overflows 64 bits");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new WireFormatException("variable-length number is too long");
    }

    /** An unsigned number that must be in {@code [0, max]}. */
    long varLong(long max, String what) throws WireFormatException {
        long value = varLong();
        if (value < 0 || value > max) {
            throw new WireFormatException(what + " out of range: " + Long.toUnsignedString(value));
        }
        return value;
    }

    int varInt(int max, String what) throws WireFormatException {
        return (int) varLong(max, what);
    }

    long signedVarLong() throws WireFormatException {
        long zigzag = varLong();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    boolean bool() throws WireFormatException {
        int b = u8();
        if (b > 1) {
            throw new WireFormatException("boolean field holds " + b);
        }
        return b == 1;
    }

    /**
     * A count of elements that each take at least {@code minBytesEach} bytes, checked against
     * the bytes left (so a forged count cannot make the decoder allocate).
     */
    int count(int minBytesEach, String what) throws WireFormatException {
        long n = varLong();
        if (n < 0 || n > Integer.MAX_VALUE || n * minBytesEach > buffer.remaining()) {
            throw new WireFormatException(what + " count " + Long.toUnsignedString(n)
                    + " exceeds the " + buffer.remaining() + " bytes left");
        }
        return (int) n;
    }

    String string() throws WireFormatException {
        int length = varInt(WireCodec.MAX_STRING_BYTES, "string length");
        need(length);
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException("string is not valid UTF-8");
        }
    }

    private void need(int n) throws WireFormatException {
        if (buffer.remaining() < n) {
            throw new WireFormatException("message is truncated");
        }
    }
}
