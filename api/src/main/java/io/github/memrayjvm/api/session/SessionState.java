package io.github.memrayjvm.api.session;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a viewer knows about a session: the tables, the cumulative counters, the history of
 * the gauges. Built by applying the messages of a connection in order; every message is checked
 * against what came before (ids in sequence, references to known entries), so a peer cannot make
 * it inconsistent.
 *
 * <p>Not thread-safe: one thread applies messages and reads.
 */
public final class SessionState {

    private final SessionInfo info;
    private final List<Location> locations = new ArrayList<>();
    private final List<int[]> stacks = new ArrayList<>();
    private final List<int[]> distinctLocations = new ArrayList<>();
    private final Map<Long, String> threads = new LinkedHashMap<>();
    private final CounterTable[] counters;
    private final List<HistoryPoint> history = new ArrayList<>();
    private long[] peaks;
    private long sample;
    private long elapsedMillis;
    private long dropped;
    private End end;

    public SessionState(SessionInfo info) {
        this.info = info;
        this.counters = new CounterTable[info.trackers().size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new CounterTable();
        }
        this.peaks = new long[info.gauges().size()];
    }

    /**
     * Applies one message.
     *
     * @throws WireFormatException if it does not fit what came before (the connection should be
     *                             dropped)
     */
    public void apply(Message message) throws WireFormatException {
        if (message instanceof Definitions d) {
            define(d);
        } else if (message instanceof Counters c) {
            count(c);
        } else if (message instanceof Sample s) {
            sample(s);
        } else if (message instanceof End e) {
            end = e;
        } else {
            throw new WireFormatException("unexpected " + message.getClass().getSimpleName()
                    + " message during a session");
        }
    }

    private void define(Definitions d) throws WireFormatException {
        if (d.firstLocationId() != locations.size() || d.firstStackId() != stacks.size()) {
            throw new WireFormatException("definitions out of sequence");
        }
        locations.addAll(d.locations());
        for (int[] stack : d.stacks()) {
            for (int id : stack) {
                if (id < 0 || id >= locations.size()) {
                    throw new WireFormatException("stack refers to unknown location " + id);
                }
            }
            stacks.add(stack.clone());
            distinctLocations.add(Arrays.stream(stack).distinct().toArray());
        }
        for (ThreadInfo thread : d.threads()) {
            threads.put(thread.id(), thread.name());
        }
    }

    private void count(Counters c) throws WireFormatException {
        if (c.tracker() >= counters.length) {
            throw new WireFormatException("counters for unknown tracker " + c.tracker());
        }
        CounterTable table = counters[c.tracker()];
        for (Counter counter : c.counters()) {
            if (counter.stack() >= stacks.size()) {
                throw new WireFormatException("counter for unknown stack " + counter.stack());
            }
            if (c.absolute()) {
                table.set(counter);
            } else {
                table.add(counter);
            }
            threads.putIfAbsent(counter.thread(), "thread " + counter.thread());
        }
    }

    private void sample(Sample s) throws WireFormatException {
        if (s.peaks().length != peaks.length) {
            throw new WireFormatException("sample has " + s.peaks().length + " gauges, expected "
                    + peaks.length);
        }
        for (HistoryPoint point : s.points()) {
            if (point.gaugeCount() != peaks.length) {
                throw new WireFormatException("history point has " + point.gaugeCount()
                        + " gauges, expected " + peaks.length);
            }
            if (history.isEmpty() || point.sample() > history.get(history.size() - 1).sample()) {
                history.add(point);
            }
        }
        sample = s.sample();
        elapsedMillis = s.elapsedMillis();
        peaks = s.peaks();
        dropped = s.dropped();
    }

    /** What the tracked side said about itself. */
    public SessionInfo info() {
        return info;
    }

    /** Locations by id. Unmodifiable view. */
    public List<Location> locations() {
        return Collections.unmodifiableList(locations);
    }

    /** The number of stacks defined. */
    public int stackCount() {
        return stacks.size();
    }

    /** The locations of stack {@code id}, innermost first. Do not modify. */
    public int[] stack(int id) {
        return stacks.get(id);
    }

    /** The distinct locations of stack {@code id} (each once, recursion folded). Do not modify. */
    public int[] distinctLocations(int id) {
        return distinctLocations.get(id);
    }

    /** Thread names by id, in the order the threads were first seen. Unmodifiable view. */
    public Map<Long, String> threads() {
        return Collections.unmodifiableMap(threads);
    }

    /** The counters of tracker number {@code tracker}. */
    public CounterTable counters(int tracker) {
        return counters[tracker];
    }

    /** Every gauge point received, oldest first. Unmodifiable view. */
    public List<HistoryPoint> history() {
        return Collections.unmodifiableList(history);
    }

    /** The latest value of gauge {@code index}, 0 before the first sample. */
    public long current(int gaugeIndex) {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).value(gaugeIndex);
    }

    /** The highest value of gauge {@code index} since start. */
    public long peak(int gaugeIndex) {
        return peaks[gaugeIndex];
    }

    /** The number of the latest snapshot, 0 before the first. */
    public long sample() {
        return sample;
    }

    /** How long the program has run, at the latest snapshot. */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** Snapshots folded into others because this viewer read too slowly. */
    public long dropped() {
        return dropped;
    }

    /** {@code true} once the program has ended or the connection was lost. */
    public boolean ended() {
        return end != null;
    }

    /** How the session ended, or {@code null} while it goes on. */
    public End end() {
        return end;
    }
}
