package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void aWorkloadWithAWarmUpCostLandsNearTheTimeAskedNotAtTheProbesEstimate() throws Exception {
        // 600 ms of warm-up, then 1 ms per 1,000 rounds: the probe alone suggests far too few
        Calibration.Timed workload = rounds -> 600 + rounds / 1000.0;
        long rounds = Calibration.rounds(4, 200_000, 10_000, workload);
        assertThat(workload.millis(rounds)).isBetween(4000 * 0.85, 4000 * 1.15);
        long probeOnly = (long) (200_000 * 4000 / workload.millis(200_000));
        assertThat(workload.millis(probeOnly)).isLessThan(2500);
    }

    @Test
    void stopsAsSoonAsARunLandsWithinFifteenPercentAndNeverRunsMoreThanFiveTimes()
            throws Exception {
        List<Long> asked = new ArrayList<>();
        Calibration.rounds(1, 1_000, 1, rounds -> {
            asked.add(rounds);
            return rounds; // 1 ms per round: the probe is exact, the second run confirms it
        });
        assertThat(asked).containsExactly(1_000L, 1_000L);

        asked.clear();
        Calibration.rounds(1, 1_000, 1, rounds -> {
            asked.add(rounds);
            return asked.size() % 2 == 0 ? 5_000 : 1; // never settles
        });
        assertThat(asked).hasSize(5);
    }

    @Test
    void neverGoesBelowTheMinimum() throws Exception {
        assertThat(Calibration.rounds(0.001, 1_000, 500, rounds -> 10_000)).isEqualTo(500);
    }
}
