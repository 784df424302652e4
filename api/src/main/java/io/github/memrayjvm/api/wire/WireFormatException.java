package io.github.memrayjvm.api.wire;

import java.io.IOException;

/** Bytes that are not a valid message of this protocol: the connection must be dropped. */
public class WireFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
