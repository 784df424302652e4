package io.github.memrayjvm.api.tracker;

import io.github.memrayjvm.api.model.TrackerDescriptor;

/**
 * A running tracker: reports allocations (and frees, if it can) to the
 * {@link AllocationSink} of its {@link TrackerContext}.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #flush()} any number of times, then
 * {@link #close()} once. Threading: {@code start}, {@code flush} and {@code close} are called by
 * memray threads, never concurrently with each other; the tracker may report to the sink from
 * any thread at any time between {@code start} and the end of {@code close}.
 *
 * <p>The tracked program comes first: a tracker must never block an application thread for
 * long, must not allocate on the hot path where it can avoid it, and must make its own threads
 * with {@link TrackerContext#threadFactory()} so they are daemons and are not tracked.
 */
public interface Tracker {

    /** What this tracker's figures mean; never {@code null}; the same value every call. */
    TrackerDescriptor descriptor();

    /**
     * Starts tracking. Called before the program's {@code main} runs; may take a while (the
     * program is held until it returns) but should be as quick as it can.
     *
     * @throws Exception if tracking cannot start; the message is shown to the user
     */
    void start() throws Exception;

    /**
     * Pushes whatever the tracker has buffered into the sink. Called just before every
     * snapshot, on the snapshot thread; must return quickly (it delays the snapshot).
     */
    void flush();

    /**
     * Stops tracking and reports what is still buffered. Called once, at the program's exit
     * (from a shutdown hook) or when tracking stops; must finish within a few hundred
     * milliseconds, since it delays the program's exit. Must not throw.
     */
    void close();
}
