package io.github.memrayjvm.tracker.jfr;

/**
 * What the tracker knows of one Java thread seen in the event stream: whether its allocations
 * are reported, the name last reported for it, what is left of the bytes it allocated before
 * tracking started, and the sample waiting for its object size. Confined to the thread that
 * handles events (see {@link AllocationEventHandler}).
 */
final class ThreadTally {

    final long threadId;
    /** {@code true} for memray's and JFR's own threads: their allocations are not reported. */
    final boolean ignored;
    /** The name last reported to the sink, {@code null} before the first. */
    String reportedName;
    /**
     * Bytes this thread had allocated when tracking started that JFR will count in the weight of
     * its first sample; taken off that sample, then 0.
     */
    long unreportedBaseline;

    /** {@code true} when a sample waits for the size of the object that triggered it. */
    boolean pending;
    int pendingStack;
    long pendingClass;
    long pendingBytes;

    ThreadTally(long threadId, boolean ignored, long baseline) {
        this.threadId = threadId;
        this.ignored = ignored;
        this.unreportedBaseline = baseline;
    }
}
