package io.github.memrayjvm.renderer.text.format;

import java.util.Locale;

/** Elapsed times for people: {@code 12.3 s}, {@code 4m 05s}, {@code 1h 02m 03s}, {@code 2d 03h 04m}. */
public final class Durations {

    private Durations() {
    }

    /** Formats {@code millis} (negative values count as 0). */
    public static String format(long millis) {
        long ms = Math.max(0, millis);
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%d.%d s", ms / 1000, ms % 1000 / 100);
        }
        long seconds = ms / 1000;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (hours == 0) {
            return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds % 60);
        }
        if (days == 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours % 24, minutes % 60);
    }
}
