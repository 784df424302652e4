package io.github.memrayjvm.renderer.text.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.ShopSession;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ViewCommandsTest {

    private final SessionState state = ShopSession.state(40);
    private final ViewState initial = ViewState.initial(state.info());

    private ViewState apply(ViewState view, Command... commands) {
        for (Command command : commands) {
            view = ViewCommands.apply(view, command, state, new Viewport(view.firstRow(), 10, 25));
        }
        return view;
    }

    @Test
    void startsSortedByTotalOverAllThreadsOfTheFirstTrackerInItsOwnMeaning() {
        assertThat(initial.sort()).isEqualTo(SortOrder.TOTAL);
        assertThat(initial.merged()).isTrue();
        assertThat(initial.tracker()).isZero();
        assertThat(initial.figures()).containsExactly(Figures.ALLOCATED, Figures.LIVE);
        assertThat(initial.isPaused()).isFalse();
    }

    @Test
    void sortKeysChooseTheOrderAndGoBackToTheTop() {
        ViewState scrolled = initial.withFirstRow(5);
        assertThat(apply(scrolled, Command.SORT_OWN).sort()).isEqualTo(SortOrder.OWN);
        assertThat(apply(scrolled, Command.SORT_OWN).firstRow()).isZero();
        assertThat(apply(scrolled, Command.SORT_ALLOCATIONS).sort()).isEqualTo(SortOrder.ALLOCATIONS);
        assertThat(apply(scrolled, Command.SORT_TOTAL).firstRow()).as("same order: no jump").isEqualTo(5);
    }

    @Test
    void nextThreadFromAllThreadsShowsTheFirstAndWrapsAround() {
        ViewState first = apply(initial, Command.NEXT_THREAD);
        assertThat(first.merged()).isFalse();
        assertThat(first.thread()).hasValue(ShopSession.MAIN);
        assertThat(apply(first, Command.NEXT_THREAD, Command.NEXT_THREAD, Command.NEXT_THREAD)
                .thread()).hasValue(ShopSession.MAIN);
        assertThat(apply(initial, Command.PREVIOUS_THREAD).thread()).hasValue(ShopSession.WORKER_2);
    }

    @Test
    void mergingAndUnmergingReturnsToTheThreadShownBefore() {
        ViewState worker = apply(initial, Command.NEXT_THREAD, Command.NEXT_THREAD);
        ViewState merged = apply(worker, Command.TOGGLE_MERGE);
        assertThat(merged.merged()).isTrue();
        ViewState again = apply(merged, Command.TOGGLE_MERGE);
        assertThat(again.merged()).isFalse();
        assertThat(again.thread()).hasValue(ShopSession.WORKER_1);
        assertThat(apply(initial, Command.TOGGLE_MERGE).thread()).hasValue(ShopSession.MAIN);
    }

    @Test
    void threadKeysDoNothingBeforeAnyThreadHasFigures() {
        SessionState empty = new SessionState(ShopSession.INFO);
        ViewState view = ViewState.initial(empty.info());
        assertThat(ViewCommands.apply(view, Command.NEXT_THREAD, empty, Viewport.NONE)).isEqualTo(view);
        assertThat(ViewCommands.apply(view, Command.TOGGLE_MERGE, empty, Viewport.NONE)).isEqualTo(view);
    }

    @Test
    void trackersCycleAndEachKeepsItsOwnMeaning() {
        ViewState nativeTable = apply(initial, Command.NEXT_TRACKER);
        assertThat(nativeTable.tracker()).isEqualTo(ShopSession.NATIVE);
        assertThat(nativeTable.currentFigures()).isEqualTo(Figures.LIVE);
        ViewState allocated = apply(nativeTable, Command.TOGGLE_FIGURES);
        assertThat(allocated.currentFigures()).isEqualTo(Figures.ALLOCATED);
        ViewState jfr = apply(allocated, Command.NEXT_TRACKER);
        assertThat(jfr.tracker()).isEqualTo(ShopSession.JFR);
        assertThat(apply(jfr, Command.TOGGLE_FIGURES).currentFigures())
                .as("jfr reports no frees: no live figures").isEqualTo(Figures.ALLOCATED);
        assertThat(apply(jfr, Command.NEXT_TRACKER).currentFigures())
                .as("native remembers allocated").isEqualTo(Figures.ALLOCATED);
    }

    @Test
    void oneTrackerAndOneGaugeMeanNothingToSwitch() {
        SessionState single = new SessionState(ShopSession.JFR_ONLY_INFO);
        ViewState view = ViewState.initial(single.info());
        assertThat(ViewCommands.apply(view, Command.NEXT_TRACKER, single, Viewport.NONE)).isEqualTo(view);
        assertThat(ViewCommands.apply(view, Command.NEXT_GAUGE, single, Viewport.NONE)).isEqualTo(view);
    }

    @Test
    void gaugesCycle() {
        assertThat(apply(initial, Command.NEXT_GAUGE).gauge()).isEqualTo(1);
        assertThat(apply(initial, Command.NEXT_GAUGE, Command.NEXT_GAUGE).gauge()).isZero();
    }

    @Test
    void scrollingStaysWithinTheTable() {
        // 25 rows, 10 per page: first rows 0..15
        assertThat(apply(initial, Command.UP).firstRow()).isZero();
        assertThat(apply(initial, Command.DOWN, Command.DOWN).firstRow()).isEqualTo(2);
        assertThat(apply(initial, Command.PAGE_DOWN).firstRow()).isEqualTo(10);
        assertThat(apply(initial, Command.PAGE_DOWN, Command.PAGE_DOWN).firstRow()).isEqualTo(15);
        assertThat(apply(initial, Command.END).firstRow()).isEqualTo(15);
        assertThat(apply(initial, Command.END, Command.PAGE_UP).firstRow()).isEqualTo(5);
        assertThat(apply(initial, Command.END, Command.HOME).firstRow()).isZero();
    }

    @Test
    void pausingFreezesEveryTableUntilResumed() {
        ViewState paused = apply(initial, Command.TOGGLE_PAUSE);
        assertThat(paused.isPaused()).isTrue();
        List<LocationRow> before = paused.tables(state).table(0, Figures.ALLOCATED,
                OptionalLong.of(ShopSession.WORKER_1)).sorted(SortOrder.TOTAL);

        for (var snapshot : ShopSession.snapshots(50).subList(40, 50)) {
            ShopSession.apply(state, snapshot);
        }

        assertThat(paused.tables(state).table(0, Figures.ALLOCATED,
                OptionalLong.of(ShopSession.WORKER_1)).sorted(SortOrder.TOTAL)).isEqualTo(before);
        assertThat(paused.tables(state).table(1, Figures.ALLOCATED, OptionalLong.empty()).bytes())
                .as("the other tracker and meaning are frozen too")
                .isEqualTo(40 * 148 * ShopSession.KIB);
        ViewState resumed = apply(paused, Command.TOGGLE_PAUSE);
        assertThat(resumed.isPaused()).isFalse();
        assertThat(resumed.tables(state).table(0, Figures.ALLOCATED,
                OptionalLong.of(ShopSession.WORKER_1)).sorted(SortOrder.TOTAL)).isNotEqualTo(before);
    }

    @Test
    void nothingToPauseOnceTheSessionHasEnded() {
        SessionState ended = ShopSession.ended(10);
        ViewState view = ViewState.initial(ended.info());
        assertThat(ViewCommands.apply(view, Command.TOGGLE_PAUSE, ended, Viewport.NONE).isPaused())
                .isFalse();
    }
}
