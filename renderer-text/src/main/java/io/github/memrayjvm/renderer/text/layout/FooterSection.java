package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.view.FiguresChoice;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The footer: the keys and what they do now (e.g. {@code space Pause} or {@code space Resume}),
 * and at the right which table rows are shown. When it does not all fit, the row position goes
 * first, then the spacing and the longer labels get shorter, then keys are left out, least
 * important (last) first.
 */
final class FooterSection {

    private record Key(String key, String label, String shortLabel) {
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
        for (int count = keys.size(); count >= 1; count--) {
            AttributedString compact = line(keys.subList(0, count), true);
            if (compact.columnLength() <= room) {
                return compact;
            }
        }
        return Lines.cut(line(keys.subList(0, 1), true), Math.max(0, room));
    }

    private static List<Key> keys(Content content, Glyphs glyphs) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key("q", "Quit", "Quit"));
        keys.add(new Key("t/o/a", "Sort", "Sort"));
        keys.add(new Key(glyphs.leftRight(), "Thread", "Thread"));
        String merge = content.view().merged() ? "Unmerge" : "Merge";
        keys.add(new Key("m", merge, merge));
        if (content.view().isPaused()) {
            keys.add(new Key("space", "Resume", "Resume"));
        } else if (!content.state().ended()) {
            keys.add(new Key("space", "Pause", "Pause"));
        }
        if (content.trackerCount() > 1) {
            int next = (content.view().tracker() + 1) % content.trackerCount();
            keys.add(new Key("n", "Table: " + content.info().trackers().get(next).name(), "Table"));
        }
        if (content.hasTracker() && FiguresChoice.switchable(content.tracker())) {
            String label = Wording.figuresKeyLabel(FiguresChoice.other(content.figures()));
            keys.add(new Key("l", "Show " + label.toLowerCase(Locale.ROOT), label));
        }
        List<String> gauges = content.info().gauges();
        if (gauges.size() > 1) {
            String next = gauges.get((content.view().gauge() + 1) % gauges.size());
            keys.add(new Key("g", "Plot " + Wording.gaugeLabel(next).toLowerCase(Locale.ROOT),
                    "Plot"));
        }
        keys.add(new Key(glyphs.upDown(), "Scroll", "Scroll"));
        return keys;
    }

    private static AttributedString line(List<Key> keys, boolean compact) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (Key key : keys) {
            sb.append(compact || sb.length() == 0 ? " " : "  ");
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
