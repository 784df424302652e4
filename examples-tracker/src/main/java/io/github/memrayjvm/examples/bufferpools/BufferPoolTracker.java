package io.github.memrayjvm.examples.bufferpools;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import java.lang.management.BufferPoolMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls the buffer pools at every snapshot and reports each pool as one row: the bytes and
 * buffers it holds now are its live figures. A pool that grew is reported as allocated by the
 * difference, one that shrank as freed, so memray's live figure (allocated minus freed) is the
 * pool's current usage, and the allocated figure is how much it ever grew. Its gauge is the sum
 * over all pools.
 *
 * <p>The pools are process-wide, not per thread: every row belongs to one pseudo-thread,
 * {@link #POOLS_THREAD_ID}, named {@value #POOLS_THREAD_NAME}.
 *
 * <p>Threading: {@link #start()}, {@link #flush()} and {@link #close()} are called by memray one
 * at a time (as the {@link Tracker} contract says), so the tracker keeps no locks. Reading the
 * beans allocates a little, on memray's snapshot thread only.
 */
final class BufferPoolTracker implements Tracker {

    /**
     * The id of the pseudo-thread the pools are reported under: negative (not a Java thread) and
     * far below any negated operating-system thread id a native tracker might use.
     */
    static final long POOLS_THREAD_ID = -1L << 40;
    /** The name of that pseudo-thread. */
    static final String POOLS_THREAD_NAME = "java.nio buffer pools";
    /** The file column of every row. */
    static final String FILE = "BufferPoolMXBean";

    private static final TrackerDescriptor DESCRIPTOR = new TrackerDescriptor(
            BufferPoolTrackerProvider.NAME, Memory.OTHER, Figures.LIVE, false, true,
            BufferPoolTrackerProvider.NAME,
            "java.nio buffer pools from BufferPoolMXBean: bytes and buffers in use");

    private final AllocationSink sink;
    private final List<PoolCounter> pools = new ArrayList<>();
    private long peak;

    BufferPoolTracker(AllocationSink sink, List<BufferPoolMXBean> beans) {
        this.sink = sink;
        for (BufferPoolMXBean bean : beans) {
            pools.add(new PoolCounter(bean));
        }
    }

    @Override
    public TrackerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void start() {
        sink.thread(POOLS_THREAD_ID, POOLS_THREAD_NAME);
        for (PoolCounter pool : pools) {
            int location = sink.location(pool.name(), FILE, Domain.OTHER);
            pool.useStack(sink.stack(new int[] {location}));
        }
        flush();
    }

    @Override
    public void flush() {
        long total = 0;
        for (PoolCounter pool : pools) {
            total += pool.report(sink, POOLS_THREAD_ID);
        }
        peak = Math.max(peak, total);
        sink.gauge(total, peak);
    }

    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the JVM is going down; what was reported stays
        }
    }
}
