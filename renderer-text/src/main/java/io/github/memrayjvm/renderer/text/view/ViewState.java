package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the user has chosen to look at. Immutable; every change returns a new value.
 *
 * @param sort     the table's order
 * @param tracker  the index of the tracker whose table is shown (0 when there is none)
 * @param figures  the meaning shown for each tracker, by tracker index
 * @param merged   {@code true}: all threads merged; {@code false}: one thread
 * @param thread   the thread chosen last (kept while merged, so unmerging returns to it)
 * @param firstRow the first table row shown (scroll position)
 * @param gauge    the index of the gauge plotted
 * @param paused   the tables captured when updates were paused, or {@code null} while live
 */
public record ViewState(SortOrder sort, int tracker, List<Figures> figures, boolean merged,
                        OptionalLong thread, int firstRow, int gauge, PausedTables paused) {

    public ViewState {
        Objects.requireNonNull(sort, "sort");
        figures = List.copyOf(figures);
        Objects.requireNonNull(thread, "thread");
    }

    /** The start: sorted by total, the first tracker in its own meaning, all threads, heap plot. */
    public static ViewState initial(SessionInfo info) {
        List<Figures> figures = new ArrayList<>();
        for (TrackerDescriptor tracker : info.trackers()) {
            figures.add(tracker.figures());
        }
        int heap = Math.max(0, info.gaugeIndex(SessionInfo.HEAP_GAUGE));
        return new ViewState(SortOrder.TOTAL, 0, figures, true, OptionalLong.empty(), 0, heap, null);
    }

    /** The meaning shown for the current tracker. */
    public Figures currentFigures() {
        return figures.isEmpty() ? Figures.ALLOCATED : figures.get(tracker);
    }

    /** {@code true} while table updates are paused. */
    public boolean isPaused() {
        return paused != null;
    }

    /** Where the table comes from: the paused capture, or {@code state} as it is now. */
    public TableSource tables(SessionState state) {
        return paused != null ? paused : new LiveTables(state);
    }

    public ViewState withSort(SortOrder value) {
        return new ViewState(value, tracker, figures, merged, thread, firstRow, gauge, paused);
    }

    public ViewState withTracker(int value) {
        return new ViewState(sort, value, figures, merged, thread, firstRow, gauge, paused);
    }

    /** With {@code value} as the meaning of tracker {@code index}. */
    public ViewState withFigures(int index, Figures value) {
        List<Figures> changed = new ArrayList<>(figures);
        changed.set(index, value);
        return new ViewState(sort, tracker, changed, merged, thread, firstRow, gauge, paused);
    }

    public ViewState withMerged(boolean value) {
        return new ViewState(sort, tracker, figures, value, thread, firstRow, gauge, paused);
    }

    public ViewState withThread(long id) {
        return new ViewState(sort, tracker, figures, merged, OptionalLong.of(id), firstRow, gauge,
                paused);
    }

    public ViewState withFirstRow(int value) {
        return new ViewState(sort, tracker, figures, merged, thread, value, gauge, paused);
    }

    public ViewState withGauge(int value) {
        return new ViewState(sort, tracker, figures, merged, thread, firstRow, value, paused);
    }

    /** Paused with {@code value} as the table, or live again when {@code value} is null. */
    public ViewState withPaused(PausedTables value) {
        return new ViewState(sort, tracker, figures, merged, thread, firstRow, gauge, value);
    }
}
