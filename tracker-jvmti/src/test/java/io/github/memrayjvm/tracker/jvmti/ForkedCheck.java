package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.RetainedAndDropped;
import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the accuracy and live checks of this tracker in a JVM of its own (another JDK) and prints
 * one line per figure for the forking test to judge: {@code share WORKLOAD SITE MEASURED TRUE}
 * and {@code live SITE MEASURED TRUE}.
 */
public final class ForkedCheck {

    private ForkedCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("java " + System.getProperty("java.version"));
        AtomicReference<Truth> truth = new AtomicReference<>();
        TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider()).run(() -> truth.set(
                InterleavedSites.run(JvmtiTrackerAccuracyTest.RUN,
                        JvmtiTrackerAccuracyTest.BYTES_PER_SECOND)));
        printShares("interleaved", run, truth.get());
        run = TrackerTestKit.tracker(new JvmtiTrackerProvider()).run(() -> truth.set(
                PerThreadSites.run(JvmtiTrackerAccuracyTest.RUN,
                        JvmtiTrackerAccuracyTest.BYTES_PER_SECOND)));
        printShares("per-thread", run, truth.get());

        AtomicReference<RetainedAndDropped.Outcome> outcome = new AtomicReference<>();
        run = TrackerTestKit.tracker(new JvmtiTrackerProvider()).option("heap-sampling", "64k")
                .settleMillis(500)
                .run(() -> outcome.set(RetainedAndDropped.run(Duration.ofSeconds(4), 200_000_000)));
        System.out.printf(Locale.ROOT, "live %s %d %d%n", RetainedAndDropped.RETAIN,
                live(run, RetainedAndDropped.RETAIN), outcome.get().retainedBytes());
        System.out.printf(Locale.ROOT, "live %s %d %d%n", RetainedAndDropped.DROP,
                live(run, RetainedAndDropped.DROP), outcome.get().droppedLiveBytes());
        System.out.printf(Locale.ROOT, "allocated %s %d%n", RetainedAndDropped.DROP,
                outcome.get().allocated().bytesBySite().get(RetainedAndDropped.DROP));
        Reference.reachabilityFence(outcome.get());
    }

    private static void printShares(String workload, TrackerRun run, Truth truth) {
        Map<String, Double> measured = SiteShares.measured(run, JvmtiTrackerAccuracyTest.SITES);
        Map<String, Double> expected = SiteShares.percentages(truth.bytesBySite());
        for (String site : JvmtiTrackerAccuracyTest.SITES) {
            System.out.printf(Locale.ROOT, "share %s %s %.3f %.3f%n", workload, site,
                    measured.get(site), expected.get(site));
        }
    }

    private static long live(TrackerRun run, String function) {
        return run.table(Figures.LIVE).rows().stream()
                .filter(r -> r.location().function().equals(function))
                .mapToLong(LocationRow::total).findFirst().orElse(0);
    }
}
