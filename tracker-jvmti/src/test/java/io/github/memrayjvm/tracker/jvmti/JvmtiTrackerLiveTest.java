package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.examples.workloads.RetainedAndDropped;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Live figures: frees of sampled objects are reported under the allocating site, so after a GC
 * the site that keeps everything shows its true retained size live and the site that keeps
 * nothing shows about zero.
 */
class JvmtiTrackerLiveTest {

    @Test
    void retainedSiteIsLiveAndDroppedSiteIsNotAfterGc() throws Exception {
        AtomicReference<RetainedAndDropped.Outcome> outcome = new AtomicReference<>();
        TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider())
                .option("heap-sampling", "64k")
                .settleMillis(500)
                .run(() -> outcome.set(RetainedAndDropped.run(Duration.ofSeconds(4), 200_000_000)));
        RetainedAndDropped.Outcome truth = outcome.get();

        long retainedAllocated = truth.allocated().bytesBySite().get(RetainedAndDropped.RETAIN);
        long droppedAllocated = truth.allocated().bytesBySite().get(RetainedAndDropped.DROP);
        LocationTable live = run.table(Figures.LIVE);
        long retainedLive = total(live, RetainedAndDropped.RETAIN);
        long droppedLive = total(live, RetainedAndDropped.DROP);
        LocationTable allocated = run.table(Figures.ALLOCATED);
        System.out.printf(Locale.ROOT, "live: retain %,d (true %,d), drop %,d (true %,d);"
                        + " allocated: retain %,d (true %,d), drop %,d (true %,d)%n",
                retainedLive, truth.retainedBytes(), droppedLive, truth.droppedLiveBytes(),
                total(allocated, RetainedAndDropped.RETAIN), retainedAllocated,
                total(allocated, RetainedAndDropped.DROP), droppedAllocated);

        assertThat(run.descriptor().reportsFrees()).isTrue();
        assertThat((double) retainedLive).isCloseTo(truth.retainedBytes(),
                within(0.1 * truth.retainedBytes()));
        assertThat(droppedLive).isLessThan(droppedAllocated / 100);
        assertThat((double) total(allocated, RetainedAndDropped.DROP))
                .isCloseTo(droppedAllocated, within(0.1 * droppedAllocated));
        Reference.reachabilityFence(truth);
    }

    private static long total(LocationTable table, String function) {
        return table.rows().stream().filter(r -> r.location().function().equals(function))
                .mapToLong(LocationRow::total).findFirst().orElse(0);
    }
}
