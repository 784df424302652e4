package io.github.memrayjvm.bench;

import java.util.List;

/** The results as an aligned plain-text table and as a Markdown table. */
public final class Table {

    private static final String[] HEADER = {"#", "measure", "mode", "median (min-max)", "goal"};

    private Table() {
    }

    /** Aligned columns separated by two spaces, with a header line. */
    public static String text(List<Row> rows) {
        int[] widths = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = HEADER[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, HEADER, widths);
        for (Row row : rows) {
            line(out, cells(row), widths);
        }
        return out.toString();
    }

    /** A Markdown table with the same columns. */
    public static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n");
        out.append("|---".repeat(HEADER.length)).append("|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
        }
        return out.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {Integer.toString(row.row()), row.what(), row.mode(), row.figure(),
            row.goal()};
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(String.format("%-" + widths[i] + "s", cells[i]));
            if (i < cells.length - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
