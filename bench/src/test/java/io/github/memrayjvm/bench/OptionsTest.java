package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsRunEveryRowFiveTimes() {
        Options options = Options.parse(List.of());
        assertThat(options.rows()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void optionsOverrideTheDefaults() {
        Options options = Options.parse(List.of("--runs", "3", "--seconds", "2.5", "--rows",
                "1, 4", "--bursts", "10", "--out", "r.md"));
        assertThat(options).isEqualTo(new Options(3, 2.5, java.util.Set.of(1, 4), 10,
                Path.of("r.md"), false));
    }

    @Test
    void smokeIsShortAndSkipsSecondaryModes() {
        Options options = Options.parse(List.of("--smoke", "--rows", "2"));
        assertThat(options.smoke()).isTrue();
        assertThat(options.runs()).isEqualTo(1);
        assertThat(options.rows()).containsExactly(2);
    }

    @Test
    void badInputGetsOneLineNamingTheOption() {
        assertThatThrownBy(() -> Options.parse(List.of("--runs", "zero")))
                .hasMessage("--runs needs a positive whole number, not 'zero'");
        assertThatThrownBy(() -> Options.parse(List.of("--rows", "7")))
                .hasMessage("--rows takes numbers from 1 to 6, not 7");
        assertThatThrownBy(() -> Options.parse(List.of("--fast")))
                .hasMessageStartingWith("unknown option --fast; usage: bench/run.sh");
        assertThatThrownBy(() -> Options.parse(List.of("--runs")))
                .hasMessageStartingWith("missing value of --runs");
    }
}
