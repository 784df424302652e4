package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.format.ColumnFitter;
import io.github.memrayjvm.renderer.text.format.Counts;
import io.github.memrayjvm.renderer.text.format.Names;
import io.github.memrayjvm.renderer.text.format.Percentages;
import io.github.memrayjvm.renderer.text.format.Sizes;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The table: a title row and one row per location, columns Location, Total, % Total, Own,
 * % Own, Allocations, File. Columns that do not fit are dropped (File first, then % Own,
 * % Total, Allocations, Own; never Location or the sorted column), and the sorted column's
 * title is marked {@code <Total>}.
 */
final class TableSection {

    /** The table's lines and the rows they show. */
    record Rendered(List<AttributedString> lines, Viewport viewport) {
    }

    private enum Column {
        LOCATION("Location", "Location", null),
        TOTAL("Total", "Total", SortOrder.TOTAL),
        TOTAL_PERCENT("% Total", "% Total", null),
        OWN("Own", "Own", SortOrder.OWN),
        OWN_PERCENT("% Own", "% Own", null),
        ALLOCATIONS("Allocations", "Allocs", SortOrder.ALLOCATIONS),
        FILE("File", "File", null);

        final String title;
        final String shortTitle;
        final SortOrder sort;

        Column(String title, String shortTitle, SortOrder sort) {
            this.title = title;
            this.shortTitle = shortTitle;
            this.sort = sort;
        }
    }

    private TableSection() {
    }

    /**
     * The table in {@code height} lines (title row included) of {@code width} columns, showing
     * rows from {@code firstRow} (kept within range).
     */
    static Rendered render(Content content, int width, int height, Glyphs glyphs) {
        List<LocationRow> rows = content.rows();
        int pageRows = Math.max(0, height - 1);
        Viewport viewport = new Viewport(0, pageRows, rows.size());
        viewport = new Viewport(viewport.clamp(content.view().firstRow()), pageRows, rows.size());
        List<LocationRow> shown = rows.subList(viewport.firstRow(),
                Math.min(rows.size(), viewport.firstRow() + pageRows));

        SortOrder sort = content.view().sort();
        int gap = width >= 100 ? 2 : 1;
        int[] widths = ColumnFitter.fit(specs(shown, sort, width), width, gap);

        List<AttributedString> lines = new ArrayList<>(height);
        if (height > 0) {
            lines.add(titleRow(widths, sort, gap, width));
        }
        LocationTable table = content.table();
        for (LocationRow row : shown) {
            lines.add(row(row, table, widths, gap, width, glyphs));
        }
        if (shown.isEmpty() && pageRows > 0) {
            lines.add(Lines.styled(" " + emptyMessage(content), Styles.DIM));
        }
        return new Rendered(lines, viewport);
    }

    private static String emptyMessage(Content content) {
        if (!content.hasTracker()) {
            return "No tracker is running.";
        }
        if (content.threads().none()) {
            return "No thread has figures for this tracker yet.";
        }
        if (!content.threads().merged()) {
            return "No allocations recorded on this thread yet.";
        }
        return content.state().sample() == 0 ? "Waiting for the first snapshot..."
                : "No allocations recorded yet.";
    }

    private static List<ColumnFitter.Spec> specs(List<LocationRow> shown, SortOrder sort, int width) {
        int locationWanted = 0;
        int fileWanted = 0;
        for (LocationRow row : shown) {
            locationWanted = Math.max(locationWanted, Cells.width(row.location().function()));
            fileWanted = Math.max(fileWanted, Cells.width(row.location().file()));
        }
        int locationMin = Math.max(12, Math.min(28, width * 35 / 100));
        int fileMin = 10;
        List<ColumnFitter.Spec> specs = new ArrayList<>();
        for (Column column : Column.values()) {
            boolean sorted = column.sort == sort;
            int rank = sorted ? 0 : rank(column);
            specs.add(switch (column) {
                case LOCATION -> new ColumnFitter.Spec(locationMin,
                        Math.max(locationMin, locationWanted), 0, true);
                case TOTAL, OWN -> ColumnFitter.Spec.fixed(Sizes.MAX_WIDTH, rank);
                case TOTAL_PERCENT, OWN_PERCENT -> ColumnFitter.Spec.fixed(Percentages.MAX_WIDTH, rank);
                case ALLOCATIONS -> allocationsSpec(sorted, rank, width);
                case FILE -> new ColumnFitter.Spec(fileMin, Math.max(fileMin, fileWanted), rank, true);
            });
        }
        return specs;
    }

    /** Full title ("Allocations") on wide terminals; narrower ones may get "Allocs". */
    private static ColumnFitter.Spec allocationsSpec(boolean sorted, int rank, int width) {
        int full = Column.ALLOCATIONS.title.length() + (sorted ? 2 : 0);
        return new ColumnFitter.Spec(width >= 100 ? full : Counts.MAX_WIDTH, full, rank, false);
    }

    private static int rank(Column column) {
        return switch (column) {
            case LOCATION -> 0;
            case TOTAL -> 2;
            case OWN -> 3;
            case ALLOCATIONS -> 4;
            case TOTAL_PERCENT -> 5;
            case OWN_PERCENT -> 6;
            case FILE -> 7;
        };
    }

    private static AttributedString titleRow(int[] widths, SortOrder sort, int gap, int width) {
        AttributedStringBuilder sb = new AttributedStringBuilder(width);
        boolean first = true;
        for (Column column : Column.values()) {
            int w = widths[column.ordinal()];
            if (w == 0) {
                continue;
            }
            if (!first) {
                sb.append(" ".repeat(gap), Styles.TABLE_HEADER);
            }
            first = false;
            boolean sorted = column.sort == sort;
            String title = column.title.length() + (sorted ? 2 : 0) <= w ? column.title : column.shortTitle;
            if (sorted) {
                title = "<" + title + ">";
            }
            String cell = column == Column.LOCATION || column == Column.FILE
                    ? Cells.padRight(title, w, "") : Cells.padLeft(title, w, "");
            sb.append(cell, sorted ? Styles.SORTED_HEADER : Styles.TABLE_HEADER);
        }
        return Lines.cut(sb.toAttributedString(), width);
    }

    private static AttributedString row(LocationRow row, LocationTable table, int[] widths, int gap,
                                        int width, Glyphs glyphs) {
        double totalShare = table.percentOfBytes(row.total());
        double ownShare = table.percentOfBytes(row.own());
        double allocationShare = Percentages.of(row.allocations(), table.allocations());
        AttributedStringBuilder sb = new AttributedStringBuilder(width);
        boolean first = true;
        for (Column column : Column.values()) {
            int w = widths[column.ordinal()];
            if (w == 0) {
                continue;
            }
            if (!first) {
                sb.append(" ".repeat(gap));
            }
            first = false;
            switch (column) {
                case LOCATION -> sb.append(Cells.padRight(
                        Names.function(row.location(), w, glyphs.ellipsis()), w, glyphs.ellipsis()));
                case TOTAL -> number(sb, Sizes.format(row.total()), w, Styles.heat(totalShare));
                case TOTAL_PERCENT -> number(sb, Percentages.format(totalShare), w,
                        Styles.heat(totalShare));
                case OWN -> number(sb, Sizes.format(row.own()), w, Styles.heat(ownShare));
                case OWN_PERCENT -> number(sb, Percentages.format(ownShare), w, Styles.heat(ownShare));
                case ALLOCATIONS -> number(sb, Counts.format(row.allocations()), w,
                        Styles.heat(allocationShare));
                case FILE -> sb.append(Cells.padRight(
                        Names.file(row.location().file(), w, glyphs.ellipsis()), w, glyphs.ellipsis()),
                        Styles.DIM);
            }
        }
        return Lines.cut(sb.toAttributedString(), width);
    }

    private static void number(AttributedStringBuilder sb, String text, int width,
                               AttributedStyle style) {
        sb.append(Cells.padLeft(text, width, ""), style);
    }
}
