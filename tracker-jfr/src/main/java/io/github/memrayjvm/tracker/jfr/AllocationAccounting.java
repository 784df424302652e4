package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.AllocationSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JFR allocation samples into the bytes and counts reported to the sink.
 *
 * <p>Bytes: a {@code jdk.ObjectAllocationSample}'s weight is the number of bytes its thread
 * allocated since the thread's previous emitted sample, so the weights of a thread add up to
 * everything it allocated; each weight is credited whole to the sampled stack. A thread that
 * existed before tracking started has its first weight reduced by what it had allocated by then
 * ({@link ThreadTally#unreportedBaseline}), so the figures count from the start of tracking.
 *
 * <p>Counts: an estimate of objects, {@code weight / size} of the sampled object (at least 1),
 * the size coming from the TLAB event JFR writes right after the sample for the same allocation
 * ({@link #objectAllocated}). When that event is missing (it fell into the next batch, or was
 * lost), the last size seen for the same stack is used, else the sample counts as 1.
 *
 * <p>Threading: not thread-safe; the caller confines it to one thread at a time.
 */
final class AllocationAccounting {

    private final AllocationSink sink;
    private final List<ThreadTally> waiting = new ArrayList<>();
    private final Map<Integer, Long> lastSizeByStack = new HashMap<>();

    AllocationAccounting(AllocationSink sink) {
        this.sink = sink;
    }

    /**
     * A sample of {@code weight} bytes on {@code thread}, at {@code stackId}, of an object of
     * class {@code classId}. Held until its object size is known ({@link #objectAllocated}) or
     * the batch ends ({@link #endOfBatch}).
     */
    void sample(ThreadTally thread, int stackId, long classId, long weight) {
        if (thread.pending) {
            report(thread, fallbackSize(thread.pendingStack));
        }
        long bytes = weight;
        if (thread.unreportedBaseline != 0) {
            bytes = Math.max(0, weight - thread.unreportedBaseline);
            thread.unreportedBaseline = 0;
        }
        if (bytes == 0) {
            return;
        }
        thread.pending = true;
        thread.pendingStack = stackId;
        thread.pendingClass = classId;
        thread.pendingBytes = bytes;
        waiting.add(thread);
    }

    /**
     * An object of {@code size} bytes and class {@code classId} allocated by {@code thread} in a
     * new TLAB or outside one. When it is the allocation the thread's waiting sample was taken
     * at, the sample is reported with its count.
     */
    void objectAllocated(ThreadTally thread, long classId, long size) {
        if (!thread.pending || thread.pendingClass != classId || size <= 0) {
            return;
        }
        lastSizeByStack.put(thread.pendingStack, size);
        report(thread, size);
    }

    /** Reports every sample still waiting for its size, with the fallback count. */
    void endOfBatch() {
        for (ThreadTally thread : waiting) {
            if (thread.pending) {
                report(thread, fallbackSize(thread.pendingStack));
            }
        }
        waiting.clear();
    }

    private long fallbackSize(int stackId) {
        return lastSizeByStack.getOrDefault(stackId, 0L);
    }

    private void report(ThreadTally thread, long objectSize) {
        long bytes = thread.pendingBytes;
        long count = objectSize <= 0 ? 1 : Math.max(1, (bytes + objectSize / 2) / objectSize);
        thread.pending = false;
        sink.allocated(thread.threadId, thread.pendingStack, bytes, count);
    }
}
