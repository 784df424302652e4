package io.github.memrayjvm.renderer.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentagesAndCountsTest {

    @Test
    void percentagesHaveTwoDecimals() {
        assertThat(Percentages.format(12.345)).isEqualTo("12.35%");
        assertThat(Percentages.format(100)).isEqualTo("100.00%").hasSize(Percentages.MAX_WIDTH);
        assertThat(Percentages.format(Double.NaN)).isEqualTo("0.00%");
    }

    @Test
    void aPartOfNothingIsZeroPercent() {
        assertThat(Percentages.of(5, 0)).isZero();
        assertThat(Percentages.of(1, 4)).isEqualTo(25.0);
    }

    @Test
    void countsAreGroupedThenShortened() {
        assertThat(Counts.format(0)).isEqualTo("0");
        assertThat(Counts.format(1_234_567)).isEqualTo("1,234,567");
        assertThat(Counts.format(9_999_999)).isEqualTo("9,999,999").hasSize(Counts.MAX_WIDTH);
        assertThat(Counts.format(12_345_678)).isEqualTo("12.3M");
        assertThat(Counts.format(999_960_000)).isEqualTo("1.0G");
        assertThat(Counts.format(4_500_000_000L)).isEqualTo("4.5G");
        assertThat(Counts.format(Long.MAX_VALUE).length()).isLessThanOrEqualTo(Counts.MAX_WIDTH);
    }
}
