package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.wire.Refused;
import java.io.IOException;

/** The tracked side refused the viewer (wrong token, already watched, another version). */
public class RefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Refused refusal;

    public RefusedException(Refused refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    /** The refusal as received. */
    public Refused refusal() {
        return refusal;
    }
}
