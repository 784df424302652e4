package io.github.memrayjvm.api.aggregate;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.session.SessionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * Turns per-stack counters into per-location figures. Pure: reads a {@link SessionState}, returns
 * new values.
 *
 * <p>For every (thread, stack) counter selected: the innermost location gets the counter's bytes
 * and count as own; every distinct location on the stack gets them as total (a recursive
 * location is counted once per stack).
 */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * The table of one tracker.
     *
     * @param tracker the tracker's index in the session
     * @param figures {@link Figures#ALLOCATED} for allocated since start, {@link Figures#LIVE} for
     *                allocated minus freed
     * @param thread  one thread's id, or empty for all threads merged
     */
    public static LocationTable table(SessionState state, int tracker, Figures figures,
                                      OptionalLong thread) {
        LongPredicate selected = thread.isPresent()
                ? id -> id == thread.getAsLong() : id -> true;
        return build(state, state.counters(tracker).all(), figures, selected);
    }

    /** The table of one tracker for each thread that has counters, by thread id. */
    public static Map<Long, LocationTable> byThread(SessionState state, int tracker,
                                                    Figures figures) {
        Map<Long, List<Counter>> perThread = new HashMap<>();
        for (Counter counter : state.counters(tracker).all()) {
            perThread.computeIfAbsent(counter.thread(), t -> new ArrayList<>()).add(counter);
        }
        Map<Long, LocationTable> tables = new HashMap<>();
        perThread.forEach((id, counters) -> tables.put(id,
                build(state, counters, figures, t -> true)));
        return tables;
    }

    private static LocationTable build(SessionState state, Iterable<Counter> counters,
                                       Figures figures, LongPredicate selected) {
        List<Location> locations = state.locations();
        int n = locations.size();
        long[] total = new long[n];
        long[] own = new long[n];
        long[] allocations = new long[n];
        long[] ownAllocations = new long[n];
        boolean[] seen = new boolean[n];
        long bytes = 0;
        long count = 0;
        for (Counter counter : counters) {
            if (!selected.test(counter.thread())) {
                continue;
            }
            long b = figures == Figures.LIVE ? counter.liveBytes() : counter.allocatedBytes();
            long c = figures == Figures.LIVE ? counter.liveAllocations() : counter.allocations();
            if (b == 0 && c == 0) {
                continue;
            }
            int[] stack = state.stack(counter.stack());
            if (stack.length == 0) {
                continue;
            }
            bytes += b;
            count += c;
            own[stack[0]] += b;
            ownAllocations[stack[0]] += c;
            for (int id : state.distinctLocations(counter.stack())) {
                total[id] += b;
                allocations[id] += c;
                seen[id] = true;
            }
        }
        List<LocationRow> rows = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            if (seen[id]) {
                rows.add(new LocationRow(id, locations.get(id), total[id], own[id],
                        allocations[id], ownAllocations[id]));
            }
        }
        return new LocationTable(rows, bytes, count);
    }
}
