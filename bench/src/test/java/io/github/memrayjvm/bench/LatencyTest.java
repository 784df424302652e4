package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {

    static final String SITE = "b.Bursts.heapBurst";

    static Launched.Line snapshot(long at, String tracker, long total) {
        return new Launched.Line(at, "{\"type\":\"snapshot\",\"locations\":[{\"function\":\""
                + SITE + "\",\"tracker\":\"" + tracker + "\",\"total\":" + total + "}]}");
    }

    static Launched.Line burst(int n, long at) {
        return new Launched.Line(at, "{\"burst\":" + n + ",\"atMillis\":" + at
                + ",\"bytes\":1000}");
    }

    @Test
    void eachBurstIsSeenByTheFirstSnapshotHoldingHalfOfItAboveTheBurstsBefore() throws Exception {
        List<Launched.Line> program = List.of(burst(1, 1000), burst(2, 2000));
        List<Launched.Line> viewer = List.of(
                snapshot(1100, "jvmti", 400),
                snapshot(1300, "jvmti", 1000),
                snapshot(2200, "jvmti", 1400),
                snapshot(2700, "jvmti", 2000));
        Stats latency = Latency.latencies(program, viewer, "jvmti", SITE);
        assertThat(latency.values()).containsExactly(300.0, 700.0);
    }

    @Test
    void anotherTrackersRowDoesNotCount() {
        List<Launched.Line> program = List.of(burst(1, 1000));
        List<Launched.Line> viewer = List.of(snapshot(1100, "native", 5000));
        assertThatThrownBy(() -> Latency.latencies(program, viewer, "jvmti", SITE))
                .hasMessageContaining("no burst");
    }
}
