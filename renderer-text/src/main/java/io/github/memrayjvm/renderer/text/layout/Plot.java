package io.github.memrayjvm.renderer.text.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * An area chart of a series of values, scaled from 0 to a maximum, newest value on the right.
 * With Unicode each character holds two values as braille dots (2 wide, 4 high); in ASCII each
 * character holds one value ({@code .} half, {@code #} full).
 */
public final class Plot {

    private static final int BRAILLE = 0x2800;
    private static final int[] LEFT_DOTS = {0x40, 0x04, 0x02, 0x01};
    private static final int[] RIGHT_DOTS = {0x80, 0x20, 0x10, 0x08};

    private Plot() {
    }

    /** How many values a chart {@code width} characters wide shows. */
    public static int capacity(int width, Glyphs glyphs) {
        return width * (glyphs.unicode() ? 2 : 1);
    }

    /**
     * The chart's rows, top first, each exactly {@code width} characters.
     *
     * @param values the series, oldest first; only the newest that fit are drawn
     * @param max    the top of the scale (values above it are drawn full)
     */
    public static List<String> render(long[] values, long max, int width, int height,
                                      Glyphs glyphs) {
        int levelsPerRow = glyphs.unicode() ? 4 : 2;
        int slots = capacity(width, glyphs);
        int[] levels = new int[slots];
        int shown = Math.min(values.length, slots);
        for (int i = 0; i < shown; i++) {
            long value = values[values.length - shown + i];
            levels[slots - shown + i] = level(value, max, height * levelsPerRow);
        }
        List<String> rows = new ArrayList<>(height);
        for (int row = 0; row < height; row++) {
            int base = (height - 1 - row) * levelsPerRow;
            StringBuilder line = new StringBuilder(width);
            for (int col = 0; col < width; col++) {
                if (glyphs.unicode()) {
                    int left = fill(levels[2 * col], base, 4);
                    int right = fill(levels[2 * col + 1], base, 4);
                    line.append(left == 0 && right == 0 ? ' ' : braille(left, right));
                } else {
                    int fill = fill(levels[col], base, 2);
                    line.append(fill == 0 ? ' ' : fill == 1 ? '.' : '#');
                }
            }
            rows.add(line.toString());
        }
        return rows;
    }

    /** How many of {@code levels} a value fills: 0 for nothing, at least 1 for anything above 0. */
    static int level(long value, long max, int levels) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        if (value >= max) {
            return levels;
        }
        return Math.max(1, (int) Math.ceil((double) value * levels / max));
    }

    private static int fill(int level, int base, int perRow) {
        return Math.max(0, Math.min(perRow, level - base));
    }

    private static char braille(int left, int right) {
        int bits = 0;
        for (int i = 0; i < left; i++) {
            bits |= LEFT_DOTS[i];
        }
        for (int i = 0; i < right; i++) {
            bits |= RIGHT_DOTS[i];
        }
        return (char) (BRAILLE + bits);
    }
}
