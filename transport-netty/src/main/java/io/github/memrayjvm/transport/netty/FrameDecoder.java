package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cuts the byte stream into frames ({@link WireCodec}: a 4-byte length, then the body) and passes
 * each body on as a {@link ByteBuffer} of its own, for the next handler to decode. Holds at most
 * one incomplete frame, whose announced length is checked before a byte of its body is kept.
 *
 * <p>A bad length fails the pipeline with a {@link WireFormatException} (wrapped by Netty in a
 * {@link io.netty.handler.codec.DecoderException}); after that everything is dropped. One
 * instance per connection; runs on the connection's event loop.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxBodyBytes;
    private final String limitName;
    private boolean failed;

    /**
     * @param maxBodyBytes the largest body accepted here, at most
     *                     {@link WireCodec#MAX_FRAME_BYTES}
     * @param limitName    what the limit is, for the message when a frame exceeds it
     */
    FrameDecoder(int maxBodyBytes, String limitName) {
        this.maxBodyBytes = maxBodyBytes;
        this.limitName = limitName;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
            throws WireFormatException {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < WireCodec.LENGTH_PREFIX_BYTES) {
            return;
        }
        int length;
        try {
            length = checkLength(in.getInt(in.readerIndex()));
        } catch (WireFormatException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
        if (in.readableBytes() < WireCodec.LENGTH_PREFIX_BYTES + length) {
            return;
        }
        in.skipBytes(WireCodec.LENGTH_PREFIX_BYTES);
        byte[] body = new byte[length];
        in.readBytes(body);
        out.add(ByteBuffer.wrap(body));
    }

    private int checkLength(int prefix) throws WireFormatException {
        int length = WireCodec.checkFrameLength(prefix);
        if (length > maxBodyBytes) {
            throw new WireFormatException("frame of " + length + " bytes exceeds the "
                    + limitName + " of " + maxBodyBytes + " bytes");
        }
        return length;
    }
}
