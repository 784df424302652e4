package io.github.memrayjvm.examples.bufferpools;

import io.github.memrayjvm.api.tracker.AllocationSink;
import java.lang.management.BufferPoolMXBean;

/**
 * One buffer pool and what has been reported of it so far: turns its current usage into the
 * allocations and frees that bring memray's live figures to that usage.
 */
final class PoolCounter {

    private final BufferPoolMXBean bean;
    private int stackId = -1;
    private long reportedBytes;
    private long reportedBuffers;

    PoolCounter(BufferPoolMXBean bean) {
        this.bean = bean;
    }

    String name() {
        return bean.getName();
    }

    void useStack(int stackId) {
        this.stackId = stackId;
    }

    /**
     * Reports the change since the last call.
     *
     * @return the bytes the pool holds now
     */
    long report(AllocationSink sink, long threadId) {
        long bytes = Math.max(0, bean.getMemoryUsed());
        long buffers = Math.max(0, bean.getCount());
        long moreBytes = bytes - reportedBytes;
        long moreBuffers = buffers - reportedBuffers;
        if (moreBytes > 0 || moreBuffers > 0) {
            sink.allocated(threadId, stackId, Math.max(0, moreBytes), Math.max(0, moreBuffers));
        }
        if (moreBytes < 0 || moreBuffers < 0) {
            sink.freed(threadId, stackId, Math.max(0, -moreBytes), Math.max(0, -moreBuffers));
        }
        reportedBytes = bytes;
        reportedBuffers = buffers;
        return bytes;
    }
}
