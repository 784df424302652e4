package io.github.memrayjvm.renderer.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void bytesBelowOneKibibyteAreWhole() {
        assertThat(Sizes.format(0)).isEqualTo("0 B");
        assertThat(Sizes.format(1023)).isEqualTo("1023 B");
    }

    @Test
    void largerSizesUseBinaryUnitsWithOneDecimal() {
        assertThat(Sizes.format(1024)).isEqualTo("1.0 KiB");
        assertThat(Sizes.format(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.format(120L * 1024 * 1024 + 300 * 1024)).isEqualTo("120.3 MiB");
        assertThat(Sizes.format(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
        assertThat(Sizes.format(5L << 40)).isEqualTo("5.0 TiB");
    }

    @Test
    void aValueThatRoundsUpToTheNextUnitIsShownInIt() {
        assertThat(Sizes.format(1024L * 1024 - 1)).isEqualTo("1.0 MiB");
        assertThat(Sizes.format(1023L * 1024 + 900)).isEqualTo("1023.9 KiB");
    }

    @Test
    void neverWiderThanTheColumn() {
        for (long bytes = 1; bytes > 0 && bytes < Long.MAX_VALUE / 3; bytes = bytes * 3 + 7) {
            assertThat(Sizes.format(bytes).length()).as("%d", bytes)
                    .isLessThanOrEqualTo(Sizes.MAX_WIDTH);
        }
        assertThat(Sizes.format(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void negativeSizesKeepTheirSign() {
        assertThat(Sizes.format(-2048)).isEqualTo("-2.0 KiB");
    }
}
