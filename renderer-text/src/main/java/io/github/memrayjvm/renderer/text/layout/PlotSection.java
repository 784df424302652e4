package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.format.Sizes;
import java.util.Collections;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * The plot of one gauge over time in a box: one point per snapshot, newest on the right, scaled
 * from 0 to the largest value seen; the title names the gauge and the bottom edge shows its
 * current and peak values.
 */
final class PlotSection {

    private PlotSection() {
    }

    static List<AttributedString> render(Content content, int width, int plotRows, Glyphs glyphs) {
        SessionState state = content.state();
        List<String> gauges = state.info().gauges();
        if (gauges.isEmpty()) {
            return Boxes.box(Collections.nCopies(plotRows, Lines.blank()), width, 0,
                    "No gauges", "", null, glyphs);
        }
        int gauge = Math.floorMod(content.view().gauge(), gauges.size());
        int plotWidth = Math.max(0, width - 2);
        List<HistoryPoint> history = state.history();
        int shown = Math.min(history.size(), Plot.capacity(plotWidth, glyphs));
        long[] values = new long[shown];
        // the peak is the largest value since start (the tracked side sees more than one point
        // per snapshot); points are checked too so that the scale always covers them
        long max = state.peak(gauge);
        for (int i = 0; i < shown; i++) {
            values[i] = history.get(history.size() - shown + i).value(gauge);
            max = Math.max(max, values[i]);
        }
        List<AttributedString> rows = Plot.render(values, max, plotWidth, plotRows, glyphs)
                .stream().map(row -> Lines.styled(row, Styles.PLOT)).toList();
        String current = Sizes.format(state.current(gauge));
        String peak = Sizes.format(max);
        String caption = current + " now" + glyphs.separator() + peak + " peak";
        if (Cells.width(caption) + 4 > width) {
            caption = current + " / " + peak;
        }
        return Boxes.box(rows, width, 0, Cells.printable(Wording.gaugeTitle(gauges.get(gauge))),
                caption, null, glyphs);
    }
}
