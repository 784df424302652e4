package io.github.memrayjvm.examples.bufferpools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.lang.management.BufferPoolMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolTrackerTest {

    private static final int MIB = 1 << 20;

    /** Keeps the direct buffers of a run reachable until its last snapshot. */
    private final List<ByteBuffer> held = new ArrayList<>();

    @Test
    void directBuffersHeldByTheProgramAreTheDirectRowsLiveFigures() throws Exception {
        TrackerRun run = TrackerTestKit.tracker(new BufferPoolTrackerProvider()).run(() -> {
            for (int i = 0; i < 8; i++) {
                held.add(ByteBuffer.allocateDirect(MIB));
            }
        });

        LocationRow direct = run.row("direct").orElseThrow();
        assertThat(direct.own()).isGreaterThanOrEqualTo(8L * MIB);
        assertThat(direct.total()).isEqualTo(direct.own());
        assertThat(direct.allocations()).isGreaterThanOrEqualTo(8);
        assertThat(direct.location().domain()).isEqualTo(Domain.OTHER);
        assertThat(direct.location().file()).isEqualTo(BufferPoolTracker.FILE);
        SessionState state = run.state();
        int gauge = state.info().gaugeIndex(BufferPoolTrackerProvider.NAME);
        assertThat(state.current(gauge)).isGreaterThanOrEqualTo(8L * MIB);
        assertThat(state.threads()).containsEntry(BufferPoolTracker.POOLS_THREAD_ID,
                BufferPoolTracker.POOLS_THREAD_NAME);
    }

    @Test
    void describesItselfAsLiveFiguresOfOtherMemoryWithAGauge() throws Exception {
        TrackerRun run = TrackerTestKit.tracker(new BufferPoolTrackerProvider()).run(() -> { });

        assertThat(run.descriptor().name()).isEqualTo("buffer-pools");
        assertThat(run.descriptor().memory()).isEqualTo(Memory.OTHER);
        assertThat(run.descriptor().figures()).isEqualTo(Figures.LIVE);
        assertThat(run.descriptor().reportsFrees()).isTrue();
        assertThat(run.descriptor().estimate()).isFalse();
        assertThat(run.descriptor().gauge()).isEqualTo("buffer-pools");
    }

    @Test
    void aPoolThatShrankIsReportedAsFreedSoLiveIsItsCurrentUsage() throws Exception {
        FakePool direct = new FakePool("direct", 1000, 4);
        FakePool mapped = new FakePool("mapped", 0, 0);
        TrackerRun run = TrackerTestKit.tracker(new BufferPoolTrackerProvider(
                () -> List.<BufferPoolMXBean>of(direct, mapped))).run(() -> {
                    direct.set(300, 5);
                    mapped.set(4096, 1);
                });

        LocationRow live = run.row("direct").orElseThrow();
        assertThat(live.own()).isEqualTo(300);
        assertThat(live.allocations()).isEqualTo(5);
        LocationRow everAllocated = run.table(Figures.ALLOCATED).rows().stream()
                .filter(r -> r.location().function().equals("direct")).findFirst().orElseThrow();
        assertThat(everAllocated.own()).isEqualTo(1000);
        assertThat(everAllocated.allocations()).isEqualTo(5);
        assertThat(run.row("mapped").orElseThrow().own()).isEqualTo(4096);
        SessionState state = run.state();
        int gauge = state.info().gaugeIndex("buffer-pools");
        assertThat(state.current(gauge)).isEqualTo(300 + 4096);
        assertThat(state.peak(gauge)).isEqualTo(300 + 4096);
    }

    @Test
    void aJvmWithoutBufferPoolsCannotRunIt() {
        BufferPoolTrackerProvider provider = new BufferPoolTrackerProvider(List::of);

        assertThat(provider.availability().available()).isFalse();
        assertThatThrownBy(() -> TrackerTestKit.tracker(provider).run(() -> { }))
                .isInstanceOf(MemrayException.class)
                .hasMessageContaining("reports no java.nio buffer pools");
    }
}
