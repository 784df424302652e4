package io.github.memrayjvm.api.model;

/**
 * The figures of one (thread, stack) pair of one tracker: either cumulative values or a change to
 * them, depending on where it appears.
 *
 * @param thread         the thread's id
 * @param stack          the interned stack's id
 * @param allocatedBytes bytes allocated
 * @param allocations    number of allocations
 * @param freedBytes     bytes freed (0 for trackers that do not report frees)
 * @param frees          number of frees
 */
public record Counter(long thread, int stack, long allocatedBytes, long allocations,
                      long freedBytes, long frees) {

    /** Bytes allocated and not yet freed, never below zero. */
    public long liveBytes() {
        return Math.max(0, allocatedBytes - freedBytes);
    }

    /** Allocations not yet freed, never below zero. */
    public long liveAllocations() {
        return Math.max(0, allocations - frees);
    }
}
