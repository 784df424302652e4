package io.github.memrayjvm.renderer.text.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotTest {

    @Test
    void brailleHoldsTwoPointsPerCharacterNewestOnTheRight() {
        // scale 0..8 over 2 rows of 4 dots: 8 is full height, 4 half, 1 one dot
        List<String> rows = Plot.render(new long[] {8, 4, 1, 0}, 8, 3, 2, Glyphs.UNICODE);
        assertThat(rows).containsExactly(
                " ⡇ ",
                " ⣿⡀");
        assertThat(Plot.render(new long[] {8, 4, 1, 0}, 8, 1, 2, Glyphs.UNICODE))
                .as("old points scroll off the left").containsExactly(" ", "⡀");
    }

    @Test
    void theScaleStartsAtZeroAndTopsOutAtTheMaximum() {
        assertThat(Plot.level(0, 100, 8)).isZero();
        assertThat(Plot.level(1, 100, 8)).as("anything above zero shows").isEqualTo(1);
        assertThat(Plot.level(50, 100, 8)).isEqualTo(4);
        assertThat(Plot.level(100, 100, 8)).isEqualTo(8);
        assertThat(Plot.level(500, 100, 8)).as("above the scale is full").isEqualTo(8);
        assertThat(Plot.level(5, 0, 8)).isZero();
    }

    @Test
    void asciiHoldsOnePointPerCharacter() {
        assertThat(Plot.render(new long[] {4, 2, 1}, 4, 3, 2, Glyphs.ASCII))
                .containsExactly("#  ", "##.");
    }

    @Test
    void rowsAreAlwaysTheWidthAsked() {
        assertThat(Plot.render(new long[0], 10, 5, 3, Glyphs.UNICODE))
                .hasSize(3).allSatisfy(row -> assertThat(row).hasSize(5).isBlank());
    }
}
