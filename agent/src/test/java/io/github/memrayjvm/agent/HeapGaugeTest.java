package io.github.memrayjvm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeapGaugeTest {

    static volatile Object keep;

    @Test
    void thePeakIncludesWhatACollectionFoundBeforeItRan() {
        HeapGauge gauge = new HeapGauge();
        assertThat(gauge.used()).isPositive();
        keep = new byte[64 << 20];
        long withArray = gauge.used();
        keep = null;
        System.gc();
        long afterGc = gauge.used();
        assertThat(gauge.peakBeforeGc()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(afterGc).isLessThan(withArray);
    }

    @Test
    void readingTheCollectionsMakesTheJvmAllocateNothingOnItsNotificationThread() {
        // a GC listener would have the JVM build a notification per collection on this thread,
        // and the trackers would show those allocations as the program's
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long notificationThread = Arrays.stream(threads.dumpAllThreads(false, false))
                .filter(t -> t.getThreadName().equals("Notification Thread"))
                .mapToLong(ThreadInfo::getThreadId).findFirst().orElseThrow();
        HeapGauge gauge = new HeapGauge();
        gauge.used();
        long before = threads.getThreadAllocatedBytes(notificationThread);
        for (int i = 0; i < 5; i++) {
            System.gc();
            gauge.used();
        }
        assertThat(gauge.peakBeforeGc()).isPositive();
        assertThat(threads.getThreadAllocatedBytes(notificationThread) - before).isZero();
    }
}
