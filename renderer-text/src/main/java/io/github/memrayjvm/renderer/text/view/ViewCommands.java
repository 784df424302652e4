package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import java.util.List;

/**
 * How each {@link Command} changes a {@link ViewState}. Pure apart from reading the session
 * state (on the thread that owns it); commands that make no sense right now (switching threads
 * before any thread has figures, pausing after the end, ...) leave the view as it is.
 */
public final class ViewCommands {

    private ViewCommands() {
    }

    /**
     * The view after {@code command}.
     *
     * @param viewport what the last screen showed of the table (for scrolling)
     */
    public static ViewState apply(ViewState view, Command command, SessionState state,
                                  Viewport viewport) {
        return switch (command) {
            case SORT_TOTAL -> sort(view, SortOrder.TOTAL);
            case SORT_OWN -> sort(view, SortOrder.OWN);
            case SORT_ALLOCATIONS -> sort(view, SortOrder.ALLOCATIONS);
            case PREVIOUS_THREAD -> stepThread(view, state, -1);
            case NEXT_THREAD -> stepThread(view, state, +1);
            case TOGGLE_MERGE -> toggleMerge(view, state);
            case NEXT_TRACKER -> nextTracker(view, state);
            case TOGGLE_FIGURES -> toggleFigures(view, state);
            case NEXT_GAUGE -> nextGauge(view, state);
            case UP -> scroll(view, viewport, view.firstRow() - 1);
            case DOWN -> scroll(view, viewport, view.firstRow() + 1);
            case PAGE_UP -> scroll(view, viewport, view.firstRow() - Math.max(1, viewport.pageRows()));
            case PAGE_DOWN -> scroll(view, viewport, view.firstRow() + Math.max(1, viewport.pageRows()));
            case HOME -> view.withFirstRow(0);
            case END -> view.withFirstRow(viewport.lastFirstRow());
            case TOGGLE_PAUSE -> togglePause(view, state);
            case REDRAW, QUIT -> view;
        };
    }

    private static ViewState sort(ViewState view, SortOrder order) {
        return order == view.sort() ? view : view.withSort(order).withFirstRow(0);
    }

    private static ViewState stepThread(ViewState view, SessionState state, int step) {
        if (!hasTrackers(state)) {
            return view;
        }
        List<Long> threads = view.tables(state).threads(view.tracker());
        if (threads.isEmpty()) {
            return view;
        }
        ThreadSelection selection = ThreadSelection.resolve(view, threads);
        int next;
        if (selection.merged()) {
            next = step > 0 ? 0 : threads.size() - 1;
        } else {
            next = Math.floorMod(selection.index() + step, threads.size());
        }
        return view.withMerged(false).withThread(threads.get(next)).withFirstRow(0);
    }

    private static ViewState toggleMerge(ViewState view, SessionState state) {
        if (!view.merged()) {
            return view.withMerged(true).withFirstRow(0);
        }
        if (!hasTrackers(state)) {
            return view;
        }
        List<Long> threads = view.tables(state).threads(view.tracker());
        if (threads.isEmpty()) {
            return view;
        }
        ThreadSelection selection = ThreadSelection.resolve(view.withMerged(false), threads);
        return view.withMerged(false).withThread(selection.threadId()).withFirstRow(0);
    }

    private static ViewState nextTracker(ViewState view, SessionState state) {
        int count = state.info().trackers().size();
        if (count < 2) {
            return view;
        }
        return view.withTracker((view.tracker() + 1) % count).withFirstRow(0);
    }

    private static ViewState toggleFigures(ViewState view, SessionState state) {
        if (!hasTrackers(state)) {
            return view;
        }
        TrackerDescriptor tracker = state.info().trackers().get(view.tracker());
        if (!FiguresChoice.switchable(tracker)) {
            return view;
        }
        return view.withFigures(view.tracker(), FiguresChoice.other(view.currentFigures()))
                .withFirstRow(0);
    }

    private static ViewState nextGauge(ViewState view, SessionState state) {
        int count = state.info().gauges().size();
        if (count < 2) {
            return view;
        }
        return view.withGauge((view.gauge() + 1) % count);
    }

    private static ViewState scroll(ViewState view, Viewport viewport, int row) {
        return view.withFirstRow(viewport.clamp(row));
    }

    private static ViewState togglePause(ViewState view, SessionState state) {
        if (view.isPaused()) {
            return view.withPaused(null);
        }
        if (state.ended() || !hasTrackers(state)) {
            return view;
        }
        return view.withPaused(PausedTables.capture(state));
    }

    private static boolean hasTrackers(SessionState state) {
        return !state.info().trackers().isEmpty();
    }
}
