package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Stats stats = Stats.of(List.of(9, 1, 5));
        assertThat(stats.median()).isEqualTo(5);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(9);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(List.of(4, 1, 2, 3)).median()).isEqualTo(2.5);
    }

    @Test
    void ratiosPairEachRunWithTheBaselinesRunOfTheSameRound() {
        // the machine slowed down by a quarter in round 3: both modes saw it
        Stats ratios = Stats.of(List.of(105, 110, 125)).over(Stats.of(List.of(100, 100, 125)));
        assertThat(ratios.median()).isCloseTo(1.05, within(1e-9));
        assertThat(ratios.format(2)).isEqualTo("1.05 (1.00-1.10)");
    }

    @Test
    void ratiosNeedTheSameNumberOfRuns() {
        assertThatThrownBy(() -> Stats.of(List.of(1, 2)).over(Stats.of(List.of(1))))
                .hasMessageContaining("2 against 1");
    }

    @Test
    void p95IsTheNearestRank() {
        Stats stats = Stats.of(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(stats.p95()).isEqualTo(38);
        assertThat(Stats.of(List.of(7)).p95()).isEqualTo(7);
    }

    @Test
    void noMeasurementsIsAnError() {
        assertThatThrownBy(() -> Stats.of(List.of())).hasMessage("no measurements");
    }
}
