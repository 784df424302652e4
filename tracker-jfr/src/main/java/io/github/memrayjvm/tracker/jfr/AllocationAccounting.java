package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.AllocationSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Turns JFR allocation events into the bytes and counts reported to the sink.
 *
 * <p>Bytes: a {@code jdk.ObjectAllocationSample}'s weight is the number of bytes its thread
 * allocated since the thread's previous emitted sample, so the weights of a thread add up to
 * everything it allocated up to its last sample; each weight is credited whole to the sampled
 * stack. A thread that existed before tracking started has its first weight reduced by what it
 * had allocated by then ({@link ThreadTally#unreportedBaseline}), so the figures count from the
 * start of tracking.
 *
 * <p>The rest of a thread's bytes, after its last sample, would be lost: JFR's throttle may
 * emit no further sample before the thread ends (a burst of allocation uses up the samples of a
 * 200 ms window quickly). So the TLAB events, which JFR writes for every TLAB refill and every
 * allocation outside a TLAB, unthrottled, are summed per thread since its last sample (the
 * TLABs it used up and the objects outside them), and when the thread ends or tracking stops
 * that remainder is credited to the thread's last sampled stack (or, for a thread never
 * sampled, to a stack saying so). It leaves out the last TLAB's bytes, so it never
 * overstates.
 *
 * <p>Counts: an estimate of objects, {@code weight / size} of the sampled object (at least 1),
 * the size coming from the TLAB event JFR writes right after the sample for the same
 * allocation. When that event is missing (it fell into the next batch, or was lost), or for a
 * remainder, the last size seen at the same stack is used, else it counts as 1.
 *
 * <p>Threading: not thread-safe; the caller confines it to one thread at a time.
 */
final class AllocationAccounting {

    private final AllocationSink sink;
    private final IntSupplier unsampledStack;
    private final List<ThreadTally> waiting = new ArrayList<>();
    private final Map<Integer, Long> lastSizeByStack = new HashMap<>();

    /**
     * @param unsampledStack interns, on first use, the stack to credit what a thread that was
     *                       never sampled allocated
     */
    AllocationAccounting(AllocationSink sink, IntSupplier unsampledStack) {
        this.sink = sink;
        this.unsampledStack = unsampledStack;
    }

    /**
     * A sample of {@code weight} bytes on {@code thread}, at {@code stackId}, of an object of
     * class {@code classId}. Held until its object size is known or the batch ends
     * ({@link #endOfBatch}).
     */
    void sample(ThreadTally thread, int stackId, long classId, long weight) {
        if (thread.pending) {
            reportPending(thread, fallbackSize(thread.pendingStack));
        }
        thread.unsampledBytes = 0;
        thread.lastStack = stackId;
        thread.sampledNext = true;
        thread.sampledClass = classId;
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
        thread.pendingBytes = bytes;
        waiting.add(thread);
    }

    /**
     * {@code thread} took a new TLAB of {@code tlabBytes} to allocate an object of
     * {@code size} bytes and class {@code classId}; the TLAB it leaves is used up.
     */
    void newTlab(ThreadTally thread, long classId, long size, long tlabBytes) {
        if (isSampledAllocation(thread, classId)) {
            sampledObjectSize(thread, size); // the sample's weight counts the TLAB left
        } else {
            thread.unsampledBytes += thread.currentTlabBytes;
        }
        thread.currentTlabBytes = tlabBytes;
    }

    /** {@code thread} allocated an object of {@code size} bytes outside its TLAB. */
    void outsideTlab(ThreadTally thread, long classId, long size) {
        if (isSampledAllocation(thread, classId)) {
            sampledObjectSize(thread, size); // the sample's weight counts this object
        } else {
            thread.unsampledBytes += size;
        }
    }

    /** Reports every sample still waiting for its size, with the fallback count. */
    void endOfBatch() {
        for (ThreadTally thread : waiting) {
            if (thread.pending) {
                reportPending(thread, fallbackSize(thread.pendingStack));
            }
        }
        waiting.clear();
    }

    /**
     * {@code thread} ended (or tracking stops): reports its waiting sample and what it
     * allocated since its last sample.
     */
    void finish(ThreadTally thread) {
        if (thread.pending) {
            reportPending(thread, fallbackSize(thread.pendingStack));
        }
        long bytes = thread.unsampledBytes;
        thread.unsampledBytes = 0;
        if (bytes > 0) {
            int stack = thread.lastStack >= 0 ? thread.lastStack : unsampledStack.getAsInt();
            report(thread, stack, bytes, fallbackSize(stack));
        }
    }

    /** Whether this TLAB event is that of the allocation the last sample was taken at. */
    private static boolean isSampledAllocation(ThreadTally thread, long classId) {
        if (!thread.sampledNext) {
            return false;
        }
        thread.sampledNext = false;
        return thread.sampledClass == classId;
    }

    private void sampledObjectSize(ThreadTally thread, long size) {
        if (size > 0) {
            lastSizeByStack.put(thread.lastStack, size);
        }
        if (thread.pending) {
            reportPending(thread, size);
        }
    }

    private long fallbackSize(int stackId) {
        return lastSizeByStack.getOrDefault(stackId, 0L);
    }

    private void reportPending(ThreadTally thread, long objectSize) {
        thread.pending = false;
        report(thread, thread.pendingStack, thread.pendingBytes, objectSize);
    }

    private void report(ThreadTally thread, int stack, long bytes, long objectSize) {
        if (!thread.name.equals(thread.reportedName)) {
            sink.thread(thread.threadId, thread.name);
            thread.reportedName = thread.name;
        }
        long count = objectSize <= 0 ? 1 : Math.max(1, (bytes + objectSize / 2) / objectSize);
        sink.allocated(thread.threadId, stack, bytes, count);
    }
}
