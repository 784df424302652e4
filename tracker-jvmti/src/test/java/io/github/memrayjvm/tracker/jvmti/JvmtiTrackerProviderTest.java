package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import io.github.memrayjvm.examples.workloads.Sites;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JvmtiTrackerProviderTest {

    @Test
    void isFoundByServiceLoaderAsTheDefaultJavaHeapTracker() {
        TrackerProvider provider = ServiceLoader.load(TrackerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("jvmti")).findFirst().orElseThrow();

        assertThat(provider).isInstanceOf(JvmtiTrackerProvider.class);
        assertThat(provider.defaultPriority()).isEqualTo(100);
        assertThat(provider.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(provider.description()).isNotBlank();
    }

    @Test
    void isAvailableOnLinuxX8664() {
        assertThat(new JvmtiTrackerProvider().availability().reason()).isEmpty();
        assertThat(new JvmtiTrackerProvider().availability().available()).isTrue();
    }

    @Test
    void namesThePlatformsItHasALibraryFor() {
        assertThat(SamplerLibrary.platform("Linux", "amd64")).contains("linux-x86_64");
        assertThat(SamplerLibrary.platform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(SamplerLibrary.platform("Mac OS X", "aarch64")).isEmpty();
        assertThat(SamplerLibrary.platform("Linux", "ppc64le")).isEmpty();
    }

    @Test
    void describesAllocatedEstimatesWithFreesAndNoGauge() {
        TrackerDescriptor descriptor = new JvmtiTrackerProvider()
                .create(LiveRun.context(Map.of(), new RecordingSink())).descriptor();

        assertThat(descriptor.name()).isEqualTo("jvmti");
        assertThat(descriptor.memory()).isEqualTo(Memory.JAVA_HEAP);
        assertThat(descriptor.figures()).isEqualTo(Figures.ALLOCATED);
        assertThat(descriptor.estimate()).isTrue();
        assertThat(descriptor.reportsFrees()).isTrue();
        assertThat(descriptor.hasGauge()).isFalse();
        assertThat(descriptor.detail()).isEqualTo("JVM heap sampling (JVMTI), one sample per"
                + " 512 KiB on average; a sample of s bytes counts s/(1-e^(-s/512KiB)) bytes;"
                + " frees of samples followed by weak references");
    }

    @Test
    void aBadIntervalIsAOneLineError() {
        assertThatThrownBy(() -> new JvmtiTrackerProvider().create(
                LiveRun.context(Map.of("heap-sampling", "lots"), new RecordingSink())))
                .isInstanceOf(MemrayException.class)
                .hasMessageStartingWith("option heap-sampling=lots:");
    }

    @Test
    void onlyOneTrackerSamplesAtATime() throws Exception {
        JvmtiTrackerProvider provider = new JvmtiTrackerProvider();
        Tracker first = provider.create(LiveRun.context(Map.of(), new RecordingSink()));
        Tracker second = provider.create(LiveRun.context(Map.of(), new RecordingSink()));
        first.start();
        try {
            assertThatThrownBy(second::start).isInstanceOf(MemrayException.class)
                    .hasMessage("the jvmti tracker cannot start: the heap sampler is already running");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void closeWithoutStartAndFlushAfterCloseDoNothing() {
        JvmtiTrackerProvider provider = new JvmtiTrackerProvider();
        RecordingSink sink = new RecordingSink();
        Tracker tracker = provider.create(LiveRun.context(Map.of(), sink));
        tracker.close();
        tracker.flush();

        assertThat(sink.calls).isEmpty();
    }

    @Test
    void atIntervalZeroEveryObjectIsCountedExactlyUnderItsSiteAndThread() throws Exception {
        Thread[] worker = new Thread[1];
        TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider())
                .option("heap-sampling", "0")
                .run(() -> {
                    worker[0] = new Thread(() -> {
                        for (int j = 0; j < 5_000; j++) {
                            Sites.mid();
                        }
                    }, "exact-worker");
                    worker[0].start();
                    worker[0].join();
                });

        long size = Sites.byteArraySize(Sites.MID_ELEMENTS);
        var row = run.tableOfThread(worker[0].getId()).rows().stream()
                .filter(r -> r.location().function().equals(Sites.MID)).findFirst().orElseThrow();
        assertThat(row.own()).isEqualTo(5_000 * size);
        assertThat(row.ownAllocations()).isEqualTo(5_000);
        assertThat(row.location().file()).isEqualTo("Sites.java");
        assertThat(run.state().threads()).containsEntry(worker[0].getId(), "exact-worker");
    }

    @Test
    void runsAgainAfterAnotherRunInTheSameJvmWithFreshFigures() throws Exception {
        for (int i = 0; i < 3; i++) {
            TrackerRun run = TrackerTestKit.tracker(new JvmtiTrackerProvider())
                    .option("heap-sampling", "4k")
                    .run(() -> {
                        for (int j = 0; j < 20_000; j++) {
                            Sites.mid();
                        }
                    });
            long bytes = run.row(Sites.MID).orElseThrow().total();
            // 20,000 arrays of 4112 bytes: about 82 MB, sampled every 4 KiB on average.
            assertThat(bytes).isBetween(70_000_000L, 95_000_000L);
        }
    }
}
