package io.github.memrayjvm.agent;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's used heap: read at every snapshot, and its peak also from what each garbage
 * collection found before it ran — the heap is fullest just before a GC, which a reading a few
 * times a second would mostly miss.
 *
 * <p>The GC listener is registered lazily, on the snapshot thread, so it adds nothing to the
 * program's start-up. Thread-safe.
 */
final class HeapGauge {

    private final AtomicLong peakBeforeGc = new AtomicLong();
    private volatile boolean listening;

    /** The heap in use now, in bytes. */
    long used() {
        if (!listening) {
            listen();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The largest heap use a GC found before running, since start (0 if none ran yet). */
    long peakBeforeGc() {
        return peakBeforeGc.get();
    }

    private synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        try {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .map(p -> p.getName())
                    .collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (notification.getUserData() instanceof CompositeData data) {
                            record(data, heapPools);
                        }
                    }, n -> "com.sun.management.gc.notification".equals(n.getType()), null);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no GC notifications here (another JVM, a restricted runtime): readings only
        }
    }

    private void record(CompositeData notification, Set<String> heapPools) {
        Object info = notification.get("gcInfo");
        if (!(info instanceof CompositeData gcInfo)) {
            return;
        }
        Object before = gcInfo.get("memoryUsageBeforeGc");
        if (!(before instanceof javax.management.openmbean.TabularData table)) {
            return;
        }
        long used = 0;
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            if (heapPools.contains((String) entry.get("key"))) {
                used += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
            }
        }
        long observed = used;
        peakBeforeGc.accumulateAndGet(observed, Math::max);
    }
}
