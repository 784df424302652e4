package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.Sites;
import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The point of this tracker: at the default sampling interval, each site's share of the bytes
 * is right within 2 percentage points, also where one thread interleaves very different sizes
 * (where TLAB-based sampling is biased).
 */
class JvmtiTrackerAccuracyTest {

    static final List<String> SITES = List.of(Sites.LARGE, Sites.MID, Sites.TINY);
    /** Fast enough (20 GB in 5 s, about 38,000 samples) that chance moves a share by about 0.3 pp. */
    static final long BYTES_PER_SECOND = 4_000_000_000L;
    static final Duration RUN = Duration.ofSeconds(5);

    @Test
    void interleavedSitesShareWithinTwoPoints() throws Exception {
        AtomicReference<Truth> truth = new AtomicReference<>();
        TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider())
                .run(() -> truth.set(InterleavedSites.run(RUN, BYTES_PER_SECOND)));
        assertSharesMatch("interleaved", run, truth.get());
    }

    @Test
    void perThreadSitesShareWithinTwoPoints() throws Exception {
        AtomicReference<Truth> truth = new AtomicReference<>();
        TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider())
                .run(() -> truth.set(PerThreadSites.run(RUN, BYTES_PER_SECOND)));
        assertSharesMatch("per-thread", run, truth.get());
        assertThat(run.state().threads()).containsValues("large-site", "mid-site", "tiny-site");
    }

    static void assertSharesMatch(String workload, TrackerRun run, Truth truth) {
        Map<String, Double> measured = SiteShares.measured(run, SITES);
        Map<String, Double> expected = SiteShares.percentages(truth.bytesBySite());
        String description = SiteShares.describe(measured, expected);
        System.out.println(workload + ": " + description);
        for (String site : SITES) {
            assertThat(measured.get(site)).as(description).isCloseTo(expected.get(site), within(2.0));
        }
    }
}
