package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.MemrayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrTrackerOptionsTest {

    @Test
    void defaultsToThreeHundredSamplesPerSecond() {
        JfrTrackerOptions options = JfrTrackerOptions.from(Map.of("other-tracker-option", "x"));

        assertThat(options.sampleRate()).isEqualTo(300);
        assertThat(options.throttle()).isEqualTo("300/s");
    }

    @Test
    void readsTheSampleRate() {
        assertThat(JfrTrackerOptions.from(Map.of("jfr-sample-rate", " 1000 ")).throttle())
                .isEqualTo("1000/s");
    }

    @Test
    void refusesARateItCannotUseNamingTheOption() {
        for (String bad : new String[] {"0", "-5", "fast", "100001", ""}) {
            assertThatThrownBy(() -> JfrTrackerOptions.from(Map.of("jfr-sample-rate", bad)))
                    .isInstanceOf(MemrayException.class)
                    .hasMessageContaining("jfr-sample-rate")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
