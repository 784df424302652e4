package io.github.memrayjvm.api.tracker;

import io.github.memrayjvm.api.model.Domain;

/**
 * Where a tracker reports. memray keeps counters per (thread, stack) for each tracker and ships
 * their changes to viewers a few times a second, so a tracker may report as often as it likes;
 * reporting pre-aggregated deltas (one call per thread and stack since the last
 * {@link Tracker#flush()}) is cheapest.
 *
 * <p>Ids: {@link #location} and {@link #stack} intern their arguments and return small,
 * stable ids; cache them rather than interning the same thing on every event.
 *
 * <p>Threading: every method is thread-safe and returns quickly; none blocks on a viewer.
 */
public interface AllocationSink {

    /**
     * Interns a location.
     *
     * @param function e.g. {@code com.example.Cache.put}; never {@code null}
     * @param file     source file or library, empty when unknown; never {@code null}
     * @param domain   what kind of code; never {@code null}
     * @return the location's id, the same for equal arguments
     */
    int location(String function, String file, Domain domain);

    /**
     * Interns a stack.
     *
     * @param locationIds location ids from {@link #location}, the innermost (allocating) frame
     *                    first; not modified, may be reused by the caller after the call
     * @return the stack's id, the same for equal arrays
     * @throws IllegalArgumentException if an id was not returned by {@link #location}
     */
    int stack(int[] locationIds);

    /**
     * Reports allocations.
     *
     * @param threadId the allocating thread's id (see {@link io.github.memrayjvm.api.model.ThreadInfo#id()})
     * @param stackId  an id from {@link #stack}
     * @param bytes    bytes allocated (estimated, for sampling trackers)
     * @param count    number of allocations
     */
    void allocated(long threadId, int stackId, long bytes, long count);

    /**
     * Reports frees of memory that was reported with {@link #allocated} under the same thread
     * and stack (the allocating thread, not the freeing one).
     */
    void freed(long threadId, int stackId, long bytes, long count);

    /** Names a thread, or renames it; cheap when the name did not change. */
    void thread(long threadId, String name);

    /**
     * Publishes this tracker's gauge (see
     * {@link io.github.memrayjvm.api.model.TrackerDescriptor#gauge()}).
     *
     * @param current the current value, in bytes
     * @param peak    the highest value since start known to the tracker, or {@code current}
     *                when it does not know better; memray keeps the maximum it has seen
     */
    void gauge(long current, long peak);
}
