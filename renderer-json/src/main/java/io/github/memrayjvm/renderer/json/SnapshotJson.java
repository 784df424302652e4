package io.github.memrayjvm.renderer.json;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The JSON lines of the {@code json} renderer. Pure: a {@link SessionState} in, one line of text
 * out.
 *
 * <p>A snapshot line holds the session's identity, the gauges (the heap, and any tracker's own
 * gauge such as {@code native}), the trackers and what their figures mean, the threads, and one
 * entry per (tracker, location) with the tracker's main figures ({@code own}, {@code total},
 * {@code allocations}), per-thread figures ({@code byThread}), and, for trackers that report
 * frees, both meanings spelled out ({@code allocated}, {@code live}). Locations are sorted by
 * {@code total}, largest first.
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    private record Entry(int tracker, LocationRow row, Map<Long, LocationRow> byThread,
                         LocationRow allocated, LocationRow live) {
    }

    /** The line for the state's latest snapshot. */
    static String snapshot(SessionState state) {
        SessionInfo info = state.info();
        JsonWriter json = new JsonWriter().beginObject()
                .field("type", "snapshot")
                .field("sample", state.sample())
                .field("pid", info.pid())
                .field("command", info.command())
                .field("javaVersion", info.javaVersion())
                .field("elapsedMillis", state.elapsedMillis());
        for (int g = 0; g < info.gauges().size(); g++) {
            String gauge = info.gauges().get(g);
            json.key(gauge).beginObject()
                    .field("current", state.current(g))
                    .field("peak", state.peak(g));
            if (gauge.equals(SessionInfo.HEAP_GAUGE)) {
                liveSampled(state).ifPresent(bytes -> json.field("liveSampled", bytes));
            }
            json.endObject();
        }
        json.field("dropped", state.dropped());
        writeTrackers(json, info);
        json.key("threads").beginArray();
        state.threads().forEach((id, name) ->
                json.beginObject().field("id", id).field("name", name).endObject());
        json.endArray();
        writeLocations(json, state);
        return json.endObject().toString();
    }

    /** The last line: the session has ended. */
    static String disconnected(SessionState state) {
        return new JsonWriter().beginObject()
                .field("type", "disconnected")
                .field("sample", state.sample())
                .field("reason", state.end() == null ? "" : state.end().reason())
                .endObject().toString();
    }

    /**
     * The estimated live Java-heap bytes the table accounts for, when a Java-heap tracker
     * reports frees (the JVMTI tracker follows sampled objects until they are freed).
     */
    private static OptionalLong liveSampled(SessionState state) {
        List<TrackerDescriptor> trackers = state.info().trackers();
        for (int t = 0; t < trackers.size(); t++) {
            if (trackers.get(t).memory() == Memory.JAVA_HEAP && trackers.get(t).reportsFrees()) {
                return OptionalLong.of(Aggregation.table(state, t, Figures.LIVE,
                        OptionalLong.empty()).bytes());
            }
        }
        return OptionalLong.empty();
    }

    private static void writeTrackers(JsonWriter json, SessionInfo info) {
        json.key("trackers").beginArray();
        for (TrackerDescriptor t : info.trackers()) {
            json.beginObject()
                    .field("name", t.name())
                    .field("figures", t.figures().label())
                    .field("memory", t.memory().label())
                    .field("estimate", t.estimate())
                    .field("reportsFrees", t.reportsFrees())
                    .field("detail", t.detail())
                    .endObject();
        }
        json.endArray();
    }

    private static void writeLocations(JsonWriter json, SessionState state) {
        List<Entry> entries = new ArrayList<>();
        List<TrackerDescriptor> trackers = state.info().trackers();
        for (int t = 0; t < trackers.size(); t++) {
            TrackerDescriptor tracker = trackers.get(t);
            LocationTable table = Aggregation.table(state, t, tracker.figures(),
                    OptionalLong.empty());
            Map<Long, LocationTable> perThread = Aggregation.byThread(state, t, tracker.figures());
            Map<Integer, LocationRow> allocated = tracker.reportsFrees()
                    ? byId(Aggregation.table(state, t, Figures.ALLOCATED, OptionalLong.empty()))
                    : Map.of();
            Map<Integer, LocationRow> live = tracker.reportsFrees()
                    ? byId(Aggregation.table(state, t, Figures.LIVE, OptionalLong.empty()))
                    : Map.of();
            Map<Long, Map<Integer, LocationRow>> perThreadById = new HashMap<>();
            perThread.forEach((thread, threadTable) -> perThreadById.put(thread, byId(threadTable)));
            for (LocationRow row : table.sorted(SortOrder.TOTAL)) {
                Map<Long, LocationRow> byThread = new TreeMap<>();
                perThreadById.forEach((thread, rows) -> {
                    LocationRow threadRow = rows.get(row.locationId());
                    if (threadRow != null) {
                        byThread.put(thread, threadRow);
                    }
                });
                entries.add(new Entry(t, row, byThread, allocated.get(row.locationId()),
                        live.get(row.locationId())));
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.row().total()).reversed()
                .thenComparing(e -> e.row().location().function())
                .thenComparingInt(Entry::tracker));
        json.key("locations").beginArray();
        for (Entry entry : entries) {
            LocationRow row = entry.row();
            json.beginObject()
                    .field("function", row.location().function())
                    .field("file", row.location().file())
                    .field("domain", row.location().domain().label())
                    .field("tracker", trackers.get(entry.tracker()).name());
            figures(json, row);
            if (trackers.get(entry.tracker()).reportsFrees()) {
                json.key("allocated").beginObject();
                figures(json, entry.allocated());
                json.endObject();
                json.key("live").beginObject();
                figures(json, entry.live());
                json.endObject();
            }
            json.key("byThread").beginObject();
            entry.byThread().forEach((thread, threadRow) -> {
                json.key(Long.toString(thread)).beginObject();
                figures(json, threadRow);
                json.endObject();
            });
            json.endObject();
            json.endObject();
        }
        json.endArray();
    }

    private static void figures(JsonWriter json, LocationRow row) {
        json.field("total", row == null ? 0 : row.total())
                .field("own", row == null ? 0 : row.own())
                .field("allocations", row == null ? 0 : row.allocations());
    }

    private static Map<Integer, LocationRow> byId(LocationTable table) {
        Map<Integer, LocationRow> rows = new HashMap<>();
        for (LocationRow row : table.rows()) {
            rows.put(row.locationId(), row);
        }
        return rows;
    }
}
