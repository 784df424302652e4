package io.github.memrayjvm.bench.layout;

import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.bench.Stats;
import io.github.memrayjvm.renderer.text.layout.Glyphs;
import io.github.memrayjvm.renderer.text.layout.Screen;
import io.github.memrayjvm.renderer.text.layout.ScreenLayout;
import io.github.memrayjvm.renderer.text.view.ViewState;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Times building one 120×40 screen of the live view (aggregation, sorting and layout, no
 * terminal) from a session state, in the harness's own JVM after a warm-up. For a careful
 * figure use {@link ScreenLayoutBenchmark} (JMH).
 */
public final class LayoutTiming {

    private static volatile Screen sink;

    private LayoutTiming() {
    }

    /** Milliseconds per screen, over {@code measured} builds after {@code warmup} builds. */
    public static Stats time(SessionState state, int warmup, int measured) {
        ViewState view = ViewState.initial(state.info());
        ZonedDateTime now = ZonedDateTime.now();
        for (int i = 0; i < warmup; i++) {
            sink = ScreenLayout.render(state, view, 120, 40, now, Glyphs.UNICODE);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            sink = ScreenLayout.render(state, view, 120, 40, now, Glyphs.UNICODE);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Stats.of(millis);
    }
}
