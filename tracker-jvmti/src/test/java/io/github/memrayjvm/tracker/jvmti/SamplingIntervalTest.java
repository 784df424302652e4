package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.MemrayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingIntervalTest {

    @Test
    void defaultsToTheJvmsOwnInterval() {
        assertThat(SamplingInterval.from(Map.of())).isEqualTo(512 * 1024);
    }

    @Test
    void readsBytesWithOptionalBinarySuffixes() {
        assertThat(SamplingInterval.parse("524288")).isEqualTo(524288);
        assertThat(SamplingInterval.parse("64k")).isEqualTo(65536);
        assertThat(SamplingInterval.parse("512KiB")).isEqualTo(524288);
        assertThat(SamplingInterval.parse(" 1M ")).isEqualTo(1 << 20);
        assertThat(SamplingInterval.parse("1g")).isEqualTo(1 << 30);
        assertThat(SamplingInterval.parse("0")).isZero();
        assertThat(SamplingInterval.from(Map.of("heap-sampling", "32k"))).isEqualTo(32768);
    }

    @Test
    void refusesWhatIsNotASizeTheJvmAccepts() {
        for (String bad : new String[] {"", "abc", "-1", "1.5m", "2g", "99999999999999999999",
            "12 parsecs"}) {
            assertThatThrownBy(() -> SamplingInterval.parse(bad))
                    .isInstanceOf(MemrayException.class)
                    .hasMessage("option heap-sampling=" + bad
                            + ": expected a number of bytes from 0 to 2147483647, e.g. 524288 or 512k");
        }
    }

    @Test
    void describesSizesShortly() {
        assertThat(SamplingInterval.describe(524288)).isEqualTo("512 KiB");
        assertThat(SamplingInterval.describe(1 << 20)).isEqualTo("1 MiB");
        assertThat(SamplingInterval.describe(1000)).isEqualTo("1000 bytes");
    }
}
