package io.github.memrayjvm.api.recorder;

/**
 * How far one viewer has been brought up to date by a {@link Recorder}. Guarded by the recorder:
 * only read and changed through it.
 */
public final class ViewerCursor {

    int locationsSent;
    int stacksSent;
    int threadsSent;
    long lastSample;
    boolean needsFull = true;
    long dropped;

    /** {@code true} until the viewer got a full state, and again after it missed a snapshot. */
    public boolean needsFullState() {
        return needsFull;
    }

    /** Snapshots this viewer missed because it read too slowly. */
    public long dropped() {
        return dropped;
    }
}
