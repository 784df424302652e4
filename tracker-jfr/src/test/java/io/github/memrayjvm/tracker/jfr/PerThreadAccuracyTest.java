package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.examples.workloads.Sites;
import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code jfr} tracker in this JVM over {@code PerThreadSites} (each thread allocates at one
 * site; 50/35/15% of the bytes from 512 KiB, 4 KiB and 32-byte arrays) for 5 seconds: the shares
 * users see must be within 3 percentage points of the truth. The measured shares are written to
 * {@code target/jfr-accuracy/}.
 */
class PerThreadAccuracyTest {

    static final double TOLERANCE_POINTS = 3;
    static final Map<String, Integer> ELEMENTS = Map.of(Sites.LARGE, Sites.LARGE_ELEMENTS,
            Sites.MID, Sites.MID_ELEMENTS, Sites.TINY, Sites.TINY_ELEMENTS);

    static TrackerRun run;
    static Truth truth;

    @BeforeAll
    static void runPerThreadSitesForFiveSeconds() throws Exception {
        run = SharesMain.kit().run(() -> truth = SharesMain.run("per-thread",
                Duration.ofSeconds(5), SharesMain.BYTES_PER_SECOND));
        AccuracyRecord.write("jdk" + Runtime.version().feature() + "-per-thread",
                SharesMain.report("per-thread", run, truth));
    }

    @Test
    void everySiteShareIsWithinThreePointsOfTheTruth() {
        for (String site : SharesMain.SITES) {
            assertThat(run.shareOfTotal(site)).as(site)
                    .isCloseTo(truth.share(site), within(TOLERANCE_POINTS));
        }
    }

    @Test
    void countsEstimateTheObjectsAllocated() {
        for (String site : SharesMain.SITES) {
            double objects = (double) truth.bytesBySite().get(site)
                    / Sites.byteArraySize(ELEMENTS.get(site));
            assertThat((double) run.row(site).orElseThrow().allocations()).as(site)
                    .isCloseTo(objects, within(objects * 0.05));
        }
    }

    @Test
    void eachSiteIsAttributedToTheThreadThatAllocatedThere() {
        Map<Long, String> threads = run.state().threads();
        assertThat(threads).containsValues("large-site", "mid-site", "tiny-site");
        assertThat(threads.values()).noneMatch(name -> name.startsWith("memray-"))
                .noneMatch(name -> name.startsWith("JFR "));
        for (Map.Entry<Long, String> thread : threads.entrySet()) {
            String site = switch (thread.getValue()) {
                case "large-site" -> Sites.LARGE;
                case "mid-site" -> Sites.MID;
                case "tiny-site" -> Sites.TINY;
                default -> null;
            };
            if (site != null) {
                LocationTable table = run.tableOfThread(thread.getKey());
                LocationRow row = table.rows().stream()
                        .filter(r -> r.location().function().equals(site)).findFirst()
                        .orElseThrow();
                // Every byte of the site is under the one thread that allocated there...
                assertThat(row.own()).as(thread.getValue())
                        .isEqualTo(run.row(site).orElseThrow().own());
                // ...and is nearly all of that thread's: besides its site, a thread makes only
                // one-off allocations (JDK 25 may generate a class on it with its ClassFile API,
                // seen here as StackMapGenerator.<init>), and one sample stands for up to a TLAB.
                assertThat(table.percentOfBytes(row.own())).as(thread.getValue())
                        .isGreaterThan(95);
            }
        }
    }

    @Test
    void locationsAreJavaMethodsInnermostFirstWithDerivedFiles() {
        LocationRow large = run.row(Sites.LARGE).orElseThrow();
        assertThat(large.location().file()).isEqualTo("Sites.java");
        assertThat(large.location().domain()).isEqualTo(Domain.JAVA);
        assertThat(large.own()).isEqualTo(large.total());

        LocationRow threadRun = run.row("java.lang.Thread.run").orElseThrow();
        assertThat(threadRun.location().file()).isEqualTo("Thread.java");
        assertThat(threadRun.own()).isZero();
        assertThat(threadRun.total()).isGreaterThanOrEqualTo(large.total());
    }

    @Test
    void descriptorSaysTheFiguresAreEstimatedAllocationsAndHow() {
        TrackerDescriptor descriptor = run.descriptor();
        assertThat(descriptor.name()).isEqualTo("jfr");
        assertThat(descriptor.memory()).isEqualTo(Memory.JAVA_HEAP);
        assertThat(descriptor.figures()).isEqualTo(Figures.ALLOCATED);
        assertThat(descriptor.estimate()).isTrue();
        assertThat(descriptor.reportsFrees()).isFalse();
        assertThat(descriptor.hasGauge()).isFalse();
        assertThat(descriptor.detail()).contains("JFR allocation samples").contains("weighted");
    }

    @Test
    void reportsNoFreesAndNoWarnings() {
        assertThat(run.table(Figures.ALLOCATED).bytes()).isPositive();
        assertThat(run.state().counters(0).all())
                .allSatisfy(counter -> assertThat(counter.frees()).isZero());
        assertThat(run.warnings()).isEmpty();
    }
}
