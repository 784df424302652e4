package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.view.FiguresChoice;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The footer: the keys and what they do now (e.g. {@code space Pause} or {@code space Resume}),
 * and at the right which table rows are shown. When it does not all fit, the row position goes
 * first, then the spacing and the longer labels get shorter, then keys are left out, least
 * important first (quit, sort and pause stay longest).
 */
final class FooterSection {

    /** A key, what it does, and how important it is to keep (0 first). */
    private record Key(String key, String label, String shortLabel, int keep) {
    }

    private FooterSection() {
    }

    static AttributedString render(Content content, Viewport viewport, int width, Glyphs glyphs) {
        // The last column stays free: writing the bottom-right cell scrolls some terminals.
        int room = width - 1;
        List<Key> keys = keys(content, glyphs);
        String position = position(viewport);
        AttributedString full = line(keys, false);
        if (!position.isEmpty() && full.columnLength() + 2 + Cells.width(position) <= room) {
            return withPosition(full, position, room);
        }
        if (full.columnLength() <= room) {
            return full;
        }
        List<Key> kept = new ArrayList<>(keys);
        while (kept.size() > 1) {
            AttributedString compact = line(kept, true);
            if (compact.columnLength() <= room) {
                return compact;
            }
            kept.remove(kept.stream().max(Comparator.comparingInt(Key::keep)).orElseThrow());
        }
        return Lines.cut(line(kept, true), Math.max(0, room));
    }

    private static List<Key> keys(Content content, Glyphs glyphs) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key("q", "Quit", "Quit", 0));
        keys.add(new Key("t/o/a", "Sort", "Sort", 1));
        keys.add(new Key(glyphs.leftRight(), "Thread", "Thread", 3));
        String merge = content.view().merged() ? "Unmerge" : "Merge";
        keys.add(new Key("m", merge, merge, 4));
        if (content.view().isPaused()) {
            keys.add(new Key("space", "Resume", "Resume", 2));
        } else if (!content.state().ended()) {
            keys.add(new Key("space", "Pause", "Pause", 2));
        }
        if (content.trackerCount() > 1) {
            int next = (content.view().tracker() + 1) % content.trackerCount();
            String name = Cells.printable(content.info().trackers().get(next).name());
            keys.add(new Key("n", "Table: " + name, "Table",
                    5));
        }
        if (content.hasTracker() && FiguresChoice.switchable(content.tracker())) {
            String label = Wording.figuresKeyLabel(FiguresChoice.other(content.figures()));
            keys.add(new Key("l", "Show " + label.toLowerCase(Locale.ROOT), label, 6));
        }
        List<String> gauges = content.info().gauges();
        if (gauges.size() > 1) {
            String next = gauges.get((content.view().gauge() + 1) % gauges.size());
            keys.add(new Key("g", "Plot " + Cells.printable(Wording.gaugeLabel(next)).toLowerCase(Locale.ROOT),
                    "Plot", 7));
        }
        keys.add(new Key(glyphs.upDown(), "Scroll", "Scroll", 8));
        return keys;
    }

    private static AttributedString line(List<Key> keys, boolean compact) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (Key key : keys) {
            if (sb.length() > 0 || !compact) {
                sb.append(compact || sb.length() == 0 ? " " : "  ");
            }
            sb.append(key.key(), Styles.KEY);
            sb.append(" ").append(compact ? key.shortLabel() : key.label());
        }
        return sb.toAttributedString();
    }

    private static String position(Viewport viewport) {
        if (viewport.rowCount() == 0 || viewport.pageRows() == 0) {
            return "";
        }
        int last = Math.min(viewport.rowCount(), viewport.firstRow() + viewport.pageRows());
        return (viewport.firstRow() + 1) + "-" + last + " of " + viewport.rowCount();
    }

    private static AttributedString withPosition(AttributedString line, String position, int width) {
        int pad = width - line.columnLength() - Cells.width(position);
        return new AttributedStringBuilder(width).append(line).append(" ".repeat(Math.max(1, pad)))
                .append(position, Styles.DIM).toAttributedString();
    }
}
