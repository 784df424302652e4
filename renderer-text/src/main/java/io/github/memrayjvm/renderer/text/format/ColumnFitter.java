package io.github.memrayjvm.renderer.text.format;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses the widths of table columns for a given total width.
 *
 * <p>Columns that do not fit at their minimum width are dropped, highest {@link Spec#dropRank}
 * first (rank 0 is never dropped); the room left grows flexible columns towards their preferred
 * width (shared evenly, a column that wants little getting all it wants first), and what is
 * left after that goes to
 * the last kept column marked {@link Spec#fill}. When even the columns that are never dropped do
 * not fit, the first fill column shrinks (down to one column).
 */
public final class ColumnFitter {

    /**
     * What one column needs.
     *
     * @param minWidth       the narrowest it is still useful at (at least 1)
     * @param preferredWidth the width it would like (at least {@code minWidth})
     * @param dropRank       0: never dropped; otherwise the higher, the earlier it is dropped
     * @param fill           may take the room no column wants (the last kept one does)
     */
    public record Spec(int minWidth, int preferredWidth, int dropRank, boolean fill) {

        public Spec {
            if (minWidth < 1 || preferredWidth < minWidth) {
                throw new IllegalArgumentException("need 1 <= minWidth <= preferredWidth");
            }
        }

        /** A column of one fixed width. */
        public static Spec fixed(int width, int dropRank) {
            return new Spec(width, width, dropRank, false);
        }
    }

    private ColumnFitter() {
    }

    /**
     * The width of each column, 0 for a dropped column, such that the kept columns and a gap of
     * {@code gap} between each two of them take at most {@code width} (unless even the fill
     * column at width 1 is too wide).
     */
    public static int[] fit(List<Spec> specs, int width, int gap) {
        int n = specs.size();
        boolean[] kept = new boolean[n];
        Arrays.fill(kept, true);
        while (minimumWidth(specs, kept, gap) > width) {
            int drop = -1;
            for (int i = 0; i < n; i++) {
                int rank = specs.get(i).dropRank();
                if (kept[i] && rank > 0 && (drop < 0 || rank > specs.get(drop).dropRank())) {
                    drop = i;
                }
            }
            if (drop < 0) {
                break;
            }
            kept[drop] = false;
        }
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = kept[i] ? specs.get(i).minWidth() : 0;
        }
        int spare = width - minimumWidth(specs, kept, gap);
        if (spare < 0) {
            shrinkFill(specs, widths, -spare);
            return widths;
        }
        spare = grow(specs, widths, spare);
        for (int i = n - 1; i >= 0 && spare > 0; i--) {
            if (kept[i] && specs.get(i).fill()) {
                widths[i] += spare;
                spare = 0;
            }
        }
        return widths;
    }

    private static int minimumWidth(List<Spec> specs, boolean[] kept, int gap) {
        int total = 0;
        int count = 0;
        for (int i = 0; i < specs.size(); i++) {
            if (kept[i]) {
                total += specs.get(i).minWidth();
                count++;
            }
        }
        return total + Math.max(0, count - 1) * gap;
    }

    /**
     * Shares {@code spare} columns out evenly among the columns that want more, no column
     * getting more than it wants (a column that wants little is satisfied first); returns what
     * nobody wanted.
     */
    private static int grow(List<Spec> specs, int[] widths, int spare) {
        while (spare > 0) {
            int wanting = 0;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > 0 && widths[i] < specs.get(i).preferredWidth()) {
                    wanting++;
                }
            }
            if (wanting == 0) {
                return spare;
            }
            int share = Math.max(1, spare / wanting);
            for (int i = 0; i < widths.length && spare > 0; i++) {
                int want = widths[i] > 0 ? specs.get(i).preferredWidth() - widths[i] : 0;
                if (want > 0) {
                    int given = Math.min(Math.min(want, share), spare);
                    widths[i] += given;
                    spare -= given;
                }
            }
        }
        return 0;
    }

    private static void shrinkFill(List<Spec> specs, int[] widths, int excess) {
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] > 0 && specs.get(i).fill()) {
                widths[i] = Math.max(1, widths[i] - excess);
                return;
            }
        }
    }
}
