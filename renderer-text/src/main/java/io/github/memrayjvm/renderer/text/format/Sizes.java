package io.github.memrayjvm.renderer.text.format;

import java.util.Locale;

/** Byte counts for people: {@code 512 B}, {@code 1.5 KiB}, {@code 120.3 MiB}, {@code 2.0 GiB}. */
public final class Sizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /** The widest result for values below 1024 EiB, e.g. {@code 1023.9 MiB}. */
    public static final int MAX_WIDTH = 10;

    private Sizes() {
    }

    /**
     * Formats {@code bytes} in binary units with one decimal ({@code B} without decimals below
     * 1 KiB); a value that would round to 1024 of a unit is shown in the next unit.
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "-" + format(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (unit < UNITS.length - 1 && Math.round(value * 10) >= 1024 * 10) {
            value /= 1024.0;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
