package io.github.memrayjvm.tracker.jfr;

/**
 * What the tracker knows of one Java thread seen in the event stream: whether its allocations
 * are reported, its name, what is left of the bytes it allocated before tracking started, the
 * sample waiting for its object size, and the bytes it allocated since its last sample.
 * Confined to the thread that handles events (see {@link AllocationEventHandler}).
 */
final class ThreadTally {

    final long threadId;
    /** {@code true} for memray's and JFR's own threads: their allocations are not reported. */
    final boolean ignored;
    /** The thread's name as last seen in the stream. */
    String name;
    /** The name last reported to the sink, {@code null} before the first. */
    String reportedName;
    /**
     * Bytes this thread had allocated when tracking started that JFR will count in the weight of
     * its first sample; taken off that sample, then 0.
     */
    long unreportedBaseline;

    /** {@code true} when a sample waits to be reported, with the size of its object. */
    boolean pending;
    int pendingStack;
    long pendingBytes;

    /**
     * {@code true} when the thread's next TLAB event is that of the allocation its last sample
     * was taken at (JFR writes the sample first), an object of class {@link #sampledClass}.
     */
    boolean sampledNext;
    long sampledClass;

    /** The stack of the last sample, -1 before the first. */
    int lastStack = -1;
    /**
     * Bytes of the TLABs the thread used up and of the objects it allocated outside TLABs since
     * its last sample: what its next sample would weigh, were there one.
     */
    long unsampledBytes;
    /** The size of the TLAB the thread allocates in now (not yet counted in any figure). */
    long currentTlabBytes;

    ThreadTally(long threadId, String name, boolean ignored, long baseline) {
        this.threadId = threadId;
        this.name = name;
        this.ignored = ignored;
        this.unreportedBaseline = baseline;
    }
}
