package io.github.memrayjvm.renderer.text.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.renderer.text.ShopSession;
import io.github.memrayjvm.renderer.text.view.Command;
import io.github.memrayjvm.renderer.text.view.ViewCommands;
import io.github.memrayjvm.renderer.text.view.ViewState;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the layout promises at any size and for any text the tracked side sends. */
class ScreenLayoutTest {

    @Test
    void everySizeGetsExactlyItsRowsAndNoLineWiderThanItsColumns() {
        SessionState state = ShopSession.ended(60);
        ViewState view = ViewState.initial(state.info());
        for (int columns = 1; columns <= 130; columns += 3) {
            for (int rows = 1; rows <= 45; rows += 2) {
                Screen screen = ScreenLayout.render(state, view, columns, rows,
                        ScreenLayoutGoldenTest.NOON, Glyphs.UNICODE);
                int c = columns;
                assertThat(screen.lines()).as("%dx%d", columns, rows).hasSize(rows)
                        .allSatisfy(line -> assertThat(line.columnLength()).isLessThanOrEqualTo(c));
            }
        }
    }

    @Test
    void theStatusStaysVisibleOnShortTerminals() {
        SessionState state = ShopSession.ended(60);
        for (int rows : new int[] {6, 8, 12, 16, 24}) {
            Screen screen = ScreenLayout.render(state, ViewState.initial(state.info()), 60, rows,
                    ScreenLayoutGoldenTest.NOON, Glyphs.UNICODE);
            assertThat(screen.plainText()).as("60x%d", rows).contains("Remote has disconnected");
        }
    }

    @Test
    void theSortedColumnIsNeverDropped() {
        SessionState state = ShopSession.state(60);
        ViewState byAllocations = ViewCommands.apply(ViewState.initial(state.info()),
                Command.SORT_ALLOCATIONS, state, Viewport.NONE);
        Screen screen = ScreenLayout.render(state, byAllocations, 40, 24,
                ScreenLayoutGoldenTest.NOON, Glyphs.UNICODE);
        assertThat(screen.plainText()).contains("<Allocs>").doesNotContain("% Total");
    }

    @Test
    void textFromTheTrackedSideCannotReachTheTerminalAsEscapeSequences() throws Exception {
        String hostile = "evil\033]0;pwned\007\033[2J";
        SessionInfo info = new SessionInfo(7, "java " + hostile, "17", 0, 250,
                List.of(new TrackerDescriptor(hostile, Memory.OTHER, Figures.ALLOCATED, false,
                        false, "", hostile)), List.of(SessionInfo.HEAP_GAUGE));
        SessionState state = new SessionState(info);
        state.apply(new Definitions(0, List.of(new Location(hostile, hostile, Domain.OTHER)), 0,
                List.of(new int[] {0}), List.of(new ThreadInfo(9, hostile))));
        state.apply(new Counters(0, false, List.of(new Counter(9, 0, 100, 1, 0, 0))));
        state.apply(new Sample(1, 250, List.of(new HistoryPoint(1, 250, new long[] {5})),
                new long[] {5}, 0));
        state.apply(new End(1, hostile));
        ViewState view = ViewCommands.apply(ViewState.initial(info), Command.NEXT_THREAD, state,
                Viewport.NONE);

        for (int columns : new int[] {50, 200}) {
            String text = ScreenLayout.render(state, view, columns, 30,
                    ScreenLayoutGoldenTest.NOON, Glyphs.UNICODE).plainText();
            assertThat(text).contains("evil?]0;pwned??[2J").doesNotContain("\033", "\007");
        }
    }
}
