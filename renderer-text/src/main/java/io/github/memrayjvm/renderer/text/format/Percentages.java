package io.github.memrayjvm.renderer.text.format;

import java.util.Locale;

/** Percentages with two decimals: {@code 12.34%}; at most {@link #MAX_WIDTH} wide up to 100%. */
public final class Percentages {

    /** The width of {@code 100.00%}. */
    public static final int MAX_WIDTH = 7;

    private Percentages() {
    }

    /** Formats {@code percent} (already multiplied by 100); not-a-number shows as 0. */
    public static String format(double percent) {
        double value = Double.isNaN(percent) ? 0 : percent;
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** {@code part} as a percentage of {@code whole}, 0 when {@code whole} is 0. */
    public static double of(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
