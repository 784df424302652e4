package io.github.memrayjvm.renderer.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void underAMinuteInTenthsOfSeconds() {
        assertThat(Durations.format(0)).isEqualTo("0.0 s");
        assertThat(Durations.format(12_345)).isEqualTo("12.3 s");
        assertThat(Durations.format(59_999)).isEqualTo("59.9 s");
    }

    @Test
    void longerInMinutesHoursAndDays() {
        assertThat(Durations.format(65_000)).isEqualTo("1m 05s");
        assertThat(Durations.format(3_723_000)).isEqualTo("1h 02m 03s");
        assertThat(Durations.format(2L * 86_400_000 + 3 * 3_600_000 + 4 * 60_000)).isEqualTo("2d 03h 04m");
    }

    @Test
    void negativeCountsAsZero() {
        assertThat(Durations.format(-5)).isEqualTo("0.0 s");
    }
}
