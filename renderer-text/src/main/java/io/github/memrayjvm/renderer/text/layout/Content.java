package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.view.TableSource;
import io.github.memrayjvm.renderer.text.view.ThreadSelection;
import io.github.memrayjvm.renderer.text.view.ViewState;
import java.util.List;

/**
 * What one screen shows, resolved from the session and the view before any layout: the tracker,
 * its meaning, the thread, the table and its rows in order.
 */
record Content(SessionState state, ViewState view, TrackerDescriptor tracker, Figures figures,
               ThreadSelection threads, LocationTable table, List<LocationRow> rows) {

    private static final LocationTable EMPTY = new LocationTable(List.of(), 0, 0);

    static Content of(SessionState state, ViewState view) {
        List<TrackerDescriptor> trackers = state.info().trackers();
        if (trackers.isEmpty()) {
            return new Content(state, view, null, view.currentFigures(),
                    new ThreadSelection(List.of(), -1, true), EMPTY, List.of());
        }
        TableSource source = view.tables(state);
        ThreadSelection threads = ThreadSelection.resolve(view, source.threads(view.tracker()));
        LocationTable table = source.table(view.tracker(), view.currentFigures(), threads.filter());
        return new Content(state, view, trackers.get(view.tracker()), view.currentFigures(),
                threads, table, table.sorted(view.sort()));
    }

    SessionInfo info() {
        return state.info();
    }

    boolean hasTracker() {
        return tracker != null;
    }

    int trackerCount() {
        return state.info().trackers().size();
    }

    String threadName(long id) {
        String name = state.threads().get(id);
        return name != null ? Cells.printable(name) : "thread " + id;
    }
}
