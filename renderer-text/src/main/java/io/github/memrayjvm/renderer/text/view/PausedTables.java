package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The tables as they were when table updates were paused: for every tracker, every meaning it
 * can show, merged and per thread, so that the user can still sort, switch threads and trackers
 * while paused. Immutable once captured.
 */
public final class PausedTables implements TableSource {

    private static final LocationTable EMPTY = new LocationTable(List.of(), 0, 0);

    private record Captured(LocationTable merged, Map<Long, LocationTable> byThread) {
    }

    private final List<Map<Figures, Captured>> tables;
    private final List<List<Long>> threads;

    private PausedTables(List<Map<Figures, Captured>> tables, List<List<Long>> threads) {
        this.tables = tables;
        this.threads = threads;
    }

    /** Captures the tables of {@code state} now. */
    public static PausedTables capture(SessionState state) {
        List<TrackerDescriptor> trackers = state.info().trackers();
        List<Map<Figures, Captured>> tables = new ArrayList<>();
        List<List<Long>> threads = new ArrayList<>();
        for (int t = 0; t < trackers.size(); t++) {
            Map<Figures, Captured> byFigures = new EnumMap<>(Figures.class);
            for (Figures figures : FiguresChoice.available(trackers.get(t))) {
                byFigures.put(figures, new Captured(
                        Aggregation.table(state, t, figures, OptionalLong.empty()),
                        Map.copyOf(Aggregation.byThread(state, t, figures))));
            }
            tables.add(byFigures);
            threads.add(List.copyOf(ThreadOrder.threadsOf(state, t)));
        }
        return new PausedTables(List.copyOf(tables), List.copyOf(threads));
    }

    @Override
    public LocationTable table(int tracker, Figures figures, OptionalLong thread) {
        Captured captured = tables.get(tracker).get(figures);
        if (captured == null) {
            return EMPTY;
        }
        if (thread.isEmpty()) {
            return captured.merged();
        }
        return captured.byThread().getOrDefault(thread.getAsLong(), EMPTY);
    }

    @Override
    public List<Long> threads(int tracker) {
        return threads.get(tracker);
    }
}
