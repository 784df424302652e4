package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.view.ViewState;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The whole screen of the live view, as a pure function of the session state, the view state,
 * the terminal size and the time of day.
 *
 * <p>From the top: a title bar with the time; the header (the facts in a box, the plot of the
 * heap in a box at its right; on narrow terminals the facts without a box and the plot below
 * them); the table; the footer with the keys. When the terminal is too short for all of it, the
 * plot goes first, then the header's box, then the header shrinks to a summary of two lines and
 * then one (status first), so that the table keeps at least a few rows.
 *
 * <p>Reads {@code state} only; call it on the thread that owns the state.
 */
public final class ScreenLayout {

    /** Terminals at least this wide get the header box and the plot side by side. */
    static final int WIDE = 72;

    private static final int MIN_TABLE_LINES = 4;
    private static final DateTimeFormatter LONG_CLOCK =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private enum Mode { SIDE_BY_SIDE, STACKED, NO_PLOT, SUMMARY, MINIMAL }

    private ScreenLayout() {
    }

    /**
     * The screen.
     *
     * @param columns the terminal's width (at least 1 is used)
     * @param rows    the terminal's height (at least 1 is used)
     * @param now     the time shown in the title bar
     */
    public static Screen render(SessionState state, ViewState view, int columns, int rows,
                                ZonedDateTime now, Glyphs glyphs) {
        int width = Math.max(1, columns);
        int height = Math.max(1, rows);
        Content content = Content.of(state, view);
        List<Mode> modes = new ArrayList<>(List.of(Mode.values()));
        if (width < WIDE) {
            modes.remove(Mode.SIDE_BY_SIDE);
        }
        for (Mode mode : modes) {
            List<AttributedString> lines = new ArrayList<>();
            lines.add(titleBar(width, now));
            lines.addAll(header(content, width, height, mode, glyphs));
            int tableLines = height - lines.size() - 1;
            if (tableLines < MIN_TABLE_LINES && mode != Mode.MINIMAL) {
                continue;
            }
            TableSection.Rendered table = TableSection.render(content, width,
                    Math.max(0, tableLines), glyphs);
            lines.addAll(table.lines());
            while (lines.size() < height - 1) {
                lines.add(Lines.blank());
            }
            if (lines.size() > height - 1) {
                lines = new ArrayList<>(lines.subList(0, height - 1));
            }
            lines.add(FooterSection.render(content, table.viewport(), width, glyphs));
            lines.replaceAll(line -> Lines.cut(line, width));
            return new Screen(lines, table.viewport());
        }
        throw new AssertionError("the minimal layout always fits");
    }

    private static AttributedString titleBar(int width, ZonedDateTime now) {
        boolean wide = width >= 60;
        String title = wide ? " memray live tracking" : " memray live";
        String clock = (wide ? LONG_CLOCK : SHORT_CLOCK).format(now) + " ";
        AttributedStringBuilder sb = new AttributedStringBuilder(width);
        sb.append(title, Styles.TITLE);
        int pad = width - Cells.width(title) - Cells.width(clock);
        if (pad >= 1) {
            sb.append(" ".repeat(pad), Styles.TITLE_BAR).append(clock, Styles.TITLE_BAR);
        } else {
            sb.append(" ".repeat(Math.max(0, width - Cells.width(title))), Styles.TITLE_BAR);
        }
        return Lines.cut(sb.toAttributedString(), width);
    }

    private static List<AttributedString> header(Content content, int width, int height, Mode mode,
                                                 Glyphs glyphs) {
        return switch (mode) {
            case SIDE_BY_SIDE -> sideBySide(content, width, glyphs);
            case STACKED -> {
                List<AttributedString> lines = new ArrayList<>(indented(content, width, glyphs));
                lines.addAll(PlotSection.render(content, width, height >= 30 ? 4 : 3, glyphs));
                yield lines;
            }
            case NO_PLOT -> indented(content, width, glyphs);
            case SUMMARY -> indent(HeaderSection.summary(content, width - 1, 2, glyphs));
            case MINIMAL -> indent(HeaderSection.summary(content, width - 1, 1, glyphs));
        };
    }

    private static List<AttributedString> sideBySide(Content content, int width, Glyphs glyphs) {
        int infoWidth = Math.max(48, Math.min(84, width / 2 + 8));
        int plotWidth = width - infoWidth;
        List<AttributedString> info = HeaderSection.lines(content, infoWidth - 4, glyphs);
        List<AttributedString> left = Boxes.box(info, infoWidth, 1, "", "", null, glyphs);
        List<AttributedString> right = PlotSection.render(content, plotWidth, info.size(), glyphs);
        return Boxes.beside(left, right);
    }

    private static List<AttributedString> indented(Content content, int width, Glyphs glyphs) {
        return indent(HeaderSection.lines(content, Math.max(1, width - 1), glyphs));
    }

    private static List<AttributedString> indent(List<AttributedString> lines) {
        List<AttributedString> indented = new ArrayList<>(lines.size());
        for (AttributedString line : lines) {
            indented.add(new AttributedStringBuilder().append(" ").append(line).toAttributedString());
        }
        return indented;
    }
}
