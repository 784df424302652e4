package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.examples.workloads.Sites;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What memray's own threads allocate is not reported; what the program's threads allocate is,
 * up to the last events, which {@code close()} fetches.
 */
class OwnThreadsTest {

    static final int CALLS = 20_000;

    @Test
    void reportsTheProgramsThreadsButNotMemraysOwn() throws Exception {
        RecorderContext context = new RecorderContext(Map.of());
        Tracker tracker = new JfrTrackerProvider().create(context);
        tracker.start();
        Thread own = context.threadFactory().newThread(OwnThreadsTest::allocate);
        Thread program = new Thread(OwnThreadsTest::allocate, "program-thread");
        try {
            own.start();
            program.start();
            own.join();
            program.join();
            Thread.sleep(SharesMain.SETTLE_MILLIS);
        } finally {
            tracker.close();
        }

        SessionState state = context.snapshot();
        assertThat(state.threads()).containsEntry(program.getId(), "program-thread")
                .doesNotContainKey(own.getId());
        // A burst this short may get no sample at all (JFR throttles in 200 ms windows): then its
        // bytes are reported at a "(not sampled)" stack, so only the thread's sum is checked.
        LocationTable table = Aggregation.table(state, 0, Figures.ALLOCATED,
                OptionalLong.of(program.getId()));
        long allocated = CALLS * Sites.byteArraySize(Sites.MID_ELEMENTS);
        assertThat((double) table.bytes()).isBetween(0.9 * allocated, 1.1 * allocated);
        assertThat(context.warnings()).isEmpty();
    }

    private static void allocate() {
        for (int i = 0; i < CALLS; i++) {
            Sites.mid();
        }
    }
}
