package io.github.memrayjvm.api.wire;

/** The peer is a memray peer, but speaks another protocol version. */
public class ProtocolVersionException extends WireFormatException {

    private static final long serialVersionUID = 1L;

    private final int peerVersion;

    public ProtocolVersionException(int peerVersion) {
        super("the other side speaks memray protocol version " + peerVersion
                + ", this one speaks version " + WireCodec.PROTOCOL_VERSION
                + "; use the same memray version on both sides");
        this.peerVersion = peerVersion;
    }

    /** The version the peer speaks. */
    public int peerVersion() {
        return peerVersion;
    }
}
