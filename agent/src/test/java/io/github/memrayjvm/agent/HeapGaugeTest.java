package io.github.memrayjvm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapGaugeTest {

    static volatile Object keep;

    @Test
    void thePeakIncludesWhatACollectionFoundBeforeItRan() throws InterruptedException {
        HeapGauge gauge = new HeapGauge();
        assertThat(gauge.used()).isPositive();
        keep = new byte[64 << 20];
        long withArray = gauge.used();
        keep = null;
        System.gc();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gauge.peakBeforeGc() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gauge.peakBeforeGc()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(gauge.used()).isLessThan(withArray);
    }
}
