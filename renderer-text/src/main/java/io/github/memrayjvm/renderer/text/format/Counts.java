package io.github.memrayjvm.renderer.text.format;

import java.util.Locale;

/**
 * Counts for people: grouped digits up to {@code 9,999,999}, then a short form
 * ({@code 12.3M}, {@code 4.5G}, {@code 6.7T}); never wider than {@link #MAX_WIDTH}.
 */
public final class Counts {

    /** The widest result: {@code 9,999,999}. */
    public static final int MAX_WIDTH = 9;

    private static final String[] SUFFIXES = {"M", "G", "T", "P", "E"};

    private Counts() {
    }

    /** Formats {@code count} (negative values are shown with a minus sign). */
    public static String format(long count) {
        if (count < 0) {
            return "-" + format(count == Long.MIN_VALUE ? Long.MAX_VALUE : -count);
        }
        if (count < 10_000_000) {
            return String.format(Locale.ROOT, "%,d", count);
        }
        double value = count / 1_000_000.0;
        int suffix = 0;
        while (suffix < SUFFIXES.length - 1 && Math.round(value * 10) >= 1000 * 10) {
            value /= 1000.0;
            suffix++;
        }
        return String.format(Locale.ROOT, "%.1f%s", value, SUFFIXES[suffix]);
    }
}
