package io.github.memrayjvm.tracker.jfr;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes each live thread has allocated so far, from the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}).
 *
 * <p>JFR weighs a thread's first allocation sample with everything the thread allocated since
 * its previous sample, which for a thread that was running before tracking started means since
 * the thread started (or since a sample of an earlier JFR recording): taking off what the thread
 * had allocated at start makes the figures count from the start of tracking. When an earlier
 * recording sampled the thread, this takes off too much; the first sample then reports less,
 * never below zero.
 */
final class ThreadAllocationBaseline {

    private ThreadAllocationBaseline() {
    }

    /**
     * Bytes allocated by each live thread, by Java thread id; empty when the JVM does not count
     * them (no {@code jdk.management} module, or the counter is off).
     */
    static Map<Long, Long> capture() {
        try {
            return read();
        } catch (LinkageError | RuntimeException e) {
            return Map.of();
        }
    }

    private static Map<Long, Long> read() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()
                || !bean.isThreadAllocatedMemoryEnabled()) {
            return Map.of();
        }
        long[] ids = bean.getAllThreadIds();
        long[] bytes = bean.getThreadAllocatedBytes(ids);
        Map<Long, Long> baselines = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] > 0) {
                baselines.put(ids[i], bytes[i]);
            }
        }
        return baselines;
    }
}
