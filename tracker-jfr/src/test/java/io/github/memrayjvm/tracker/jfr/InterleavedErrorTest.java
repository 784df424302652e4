package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code jfr} tracker over {@code InterleavedSites} (one thread interleaves the 512 KiB,
 * 4 KiB and 32-byte sites): JFR's TLAB-based samples are known to be badly biased there, so this
 * measures the error and records it in {@code target/jfr-accuracy/} without judging it.
 */
class InterleavedErrorTest {

    @Test
    void measuresAndRecordsTheErrorWhereOneThreadMixesSizes() throws Exception {
        Truth[] truth = new Truth[1];
        TrackerRun run = SharesMain.kit().run(() -> truth[0] = SharesMain.run("interleaved",
                Duration.ofSeconds(3), SharesMain.BYTES_PER_SECOND));

        List<String> report = SharesMain.report("interleaved", run, truth[0]);
        AccuracyRecord.write("jdk" + Runtime.version().feature() + "-interleaved", report);

        assertThat(run.state().threads()).containsValue("interleaved");
        assertThat(SiteShare.parse(report)).allSatisfy(site -> assertThat(site.measured())
                .as("%s is reported at all", site.function()).isPositive());
    }
}
