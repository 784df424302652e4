package io.github.memrayjvm.agent;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JVM's used heap: read at every snapshot, and its peak also from what the latest garbage
 * collection of each collector found before it ran — the heap is fullest just before a GC, which
 * a reading a few times a second would mostly miss.
 *
 * <p>The collections are read at each {@link #used()} call, on the caller's thread (memray's
 * snapshot thread), not from GC notifications: a notification listener makes the JVM build the
 * notifications on its own notification thread, and those allocations would show up in the
 * program's figures as if the program had made them. A reading sees the latest collection of each
 * collector, so a peak between two readings followed by more collections of the same collector
 * may be missed; snapshots come a few times a second.
 *
 * <p>Made before the program starts: finding the JVM's pools and collectors loads and runs a good
 * deal of the management API once, work that would otherwise land on the program's cores at the
 * first snapshot.
 *
 * <p>Not thread-safe: called one reading at a time (the {@link Snapshotter} serializes them).
 */
final class HeapGauge {

    private final List<Collector> collectors = new ArrayList<>();
    private final Set<String> heapPools;
    private long peakBeforeGc;

    HeapGauge() {
        Set<String> pools = Set.of();
        try {
            pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .map(p -> p.getName())
                    .collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof com.sun.management.GarbageCollectorMXBean withInfo) {
                    collectors.add(new Collector(withInfo));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no GC details here (another JVM, a restricted runtime): readings only
            collectors.clear();
        }
        heapPools = pools;
        readCollections();
    }

    /** The heap in use now, in bytes; also looks at the collections since the last call. */
    long used() {
        readCollections();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The largest heap use a collection found before running, as of the last reading. */
    long peakBeforeGc() {
        return peakBeforeGc;
    }

    private void readCollections() {
        try {
            for (Collector collector : collectors) {
                peakBeforeGc = Math.max(peakBeforeGc, collector.usedBeforeNewCollection(heapPools));
            }
        } catch (RuntimeException | LinkageError e) {
            collectors.clear(); // the collection details failed once: readings only from now on
        }
    }

    /** One collector and the id of its last collection seen. */
    private static final class Collector {
        private final com.sun.management.GarbageCollectorMXBean bean;
        private long lastCount;
        private long lastId = -1;

        Collector(com.sun.management.GarbageCollectorMXBean bean) {
            this.bean = bean;
        }

        /** The heap used before its latest collection if that one is new, else 0. */
        long usedBeforeNewCollection(Set<String> heapPools) {
            long count = bean.getCollectionCount();
            if (count == lastCount) {
                return 0; // nothing new: skip building the collection's details
            }
            lastCount = count;
            com.sun.management.GcInfo info = bean.getLastGcInfo();
            if (info == null || info.getId() == lastId) {
                return 0;
            }
            lastId = info.getId();
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            return used;
        }
    }
}
