package io.github.memrayjvm.renderer.text.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.ShopSession;
import io.github.memrayjvm.renderer.text.view.Command;
import io.github.memrayjvm.renderer.text.view.ViewCommands;
import io.github.memrayjvm.renderer.text.view.ViewState;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden screens of the pure layout at fixed sizes and a fixed clock, from a session built by
 * applying api messages. The files under {@code src/test/resources/screens} are what a user
 * sees (without colours).
 */
class ScreenLayoutGoldenTest {

    static final ZonedDateTime NOON = ZonedDateTime.of(2025, 1, 14, 12, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
        "default, 80, 24",
        "default, 50, 24",
        "default, 120, 40",
        "default, 200, 50",
        "thread-own, 80, 24",
        "thread-own, 50, 24",
        "native-live-paused, 120, 40",
        "disconnected-allocations, 80, 24",
        "ascii, 80, 24",
        "empty, 80, 24",
        "default, 60, 12",
        "default, 30, 8",
    })
    void screen(String scenario, int columns, int rows) throws Exception {
        SessionState state = scenario.startsWith("disconnected") ? ShopSession.ended(120)
                : scenario.equals("empty") ? new SessionState(ShopSession.INFO)
                : ShopSession.state(120);
        ViewState view = view(scenario, state);
        Glyphs glyphs = scenario.equals("ascii") ? Glyphs.ASCII : Glyphs.UNICODE;

        Screen screen = ScreenLayout.render(state, view, columns, rows, NOON, glyphs);

        assertThat(screen.lines()).as("one line per row").hasSize(rows);
        assertThat(screen.lines()).allSatisfy(line ->
                assertThat(line.columnLength()).as("width of '%s'", line).isLessThanOrEqualTo(columns));
        GoldenScreens.check(scenario + "-" + columns + "x" + rows, screen);
    }

    private static ViewState view(String scenario, SessionState state) {
        ViewState view = ViewState.initial(state.info());
        return switch (scenario) {
            case "thread-own" -> apply(state, view, Command.NEXT_THREAD, Command.NEXT_THREAD,
                    Command.SORT_OWN);
            case "native-live-paused" -> apply(state, view, Command.NEXT_TRACKER,
                    Command.NEXT_GAUGE, Command.TOGGLE_PAUSE);
            case "disconnected-allocations" -> view.withSort(SortOrder.ALLOCATIONS);
            default -> view;
        };
    }

    private static ViewState apply(SessionState state, ViewState view, Command... commands) {
        for (Command command : commands) {
            view = ViewCommands.apply(view, command, state, Viewport.NONE);
        }
        return view;
    }
}
