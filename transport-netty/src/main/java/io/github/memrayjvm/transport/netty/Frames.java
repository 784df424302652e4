package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** Messages to frames and back, on top of {@link WireCodec}. Stateless. */
final class Frames {

    /**
     * Where the version sits in the body of a {@code Greeting}, {@code Hello} or {@code Refused}:
     * after the 1-byte type and the 8-byte magic, a layout {@link WireCodec} promises never to
     * change.
     */
    private static final int HANDSHAKE_VERSION_OFFSET = 1 + 8;

    private Frames() {
    }

    /**
     * One message as a whole frame, ready to write.
     *
     * @throws IllegalArgumentException if the message does not fit in a frame
     */
    static ByteBuf encode(Message message) {
        return Unpooled.wrappedBuffer(WireCodec.encodeFrame(message));
    }

    /**
     * The protocol version written in the header of a handshake message's body (one that
     * {@link WireCodec#decodeBody} accepted as a {@code Refused}, say), which the decoded record
     * does not keep.
     */
    static int handshakeVersion(ByteBuffer body) {
        return body.getShort(body.position() + HANDSHAKE_VERSION_OFFSET) & 0xFFFF;
    }
}
