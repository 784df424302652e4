package io.github.memrayjvm.api.recorder;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracked side's memory of a session: interned locations and stacks, thread names, and for
 * every tracker the cumulative counters per (thread, stack); at each {@link #tick} it closes a
 * snapshot, and {@link #messagesFor} turns it into what one viewer needs: the changes since that
 * viewer's last snapshot, or the whole state for a viewer that just connected or fell behind.
 *
 * <p>Its size grows with the number of distinct stacks, threads and snapshots, never with the
 * allocation rate. Thread-safe: trackers report from any thread while the snapshot thread ticks.
 */
public final class Recorder {

    /** Locations whose name is longer than this are cut (the protocol bounds strings). */
    static final int MAX_NAME_CHARS = 4096;
    /** Messages are split so that none exceeds about this many bytes. */
    static final int CHUNK_BYTES = 1 << 20;
    /** Counters per message. */
    static final int CHUNK_COUNTERS = 16_384;
    /** Beyond this many history points, every other old point is dropped (keeping maxima). */
    static final int MAX_HISTORY = 65_536;

    private record StackKey(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && Arrays.equals(k.ids, ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private record CounterKey(long thread, int stack) {
        // written out, as Location's: no method-handle bootstrap in the tracked program
        @Override
        public boolean equals(Object o) {
            return o instanceof CounterKey k && k.thread == thread && k.stack == stack;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(thread) * 31 + stack;
        }
    }

    /** Cumulative values, and the values as of the last tick ("shipped"). */
    private static final class Cell {
        final long thread;
        final int stack;
        long allocatedBytes;
        long allocations;
        long freedBytes;
        long frees;
        long shippedAllocatedBytes;
        long shippedAllocations;
        long shippedFreedBytes;
        long shippedFrees;
        boolean dirty;

        Cell(long thread, int stack) {
            this.thread = thread;
            this.stack = stack;
        }

        Counter shipped() {
            return new Counter(thread, stack, shippedAllocatedBytes, shippedAllocations,
                    shippedFreedBytes, shippedFrees);
        }

        Counter shipDelta() {
            Counter delta = new Counter(thread, stack, allocatedBytes - shippedAllocatedBytes,
                    allocations - shippedAllocations, freedBytes - shippedFreedBytes,
                    frees - shippedFrees);
            shippedAllocatedBytes = allocatedBytes;
            shippedAllocations = allocations;
            shippedFreedBytes = freedBytes;
            shippedFrees = frees;
            dirty = false;
            return delta;
        }
    }

    private final Map<Location, Integer> locationIds = new HashMap<>();
    private final List<Location> locations = new ArrayList<>();
    private final Map<StackKey, Integer> stackIds = new HashMap<>();
    private final List<int[]> stacks = new ArrayList<>();
    private final Map<Long, String> threadNames = new HashMap<>();
    private final List<ThreadInfo> threadLog = new ArrayList<>();
    private final List<Map<CounterKey, Cell>> cells = new ArrayList<>();
    private final List<List<Cell>> dirtyCells = new ArrayList<>();
    private final List<String> gaugeNames = new ArrayList<>();
    private long[] gaugeCurrent = new long[0];
    private long[] gaugePeak = new long[0];
    private final List<HistoryPoint> history = new ArrayList<>();
    private long sample;
    private long elapsedMillis;
    private Tick lastTick;

    /** Creates a recorder with the heap gauge ({@link SessionInfo#HEAP_GAUGE}) at index 0. */
    public Recorder() {
        addGauge(SessionInfo.HEAP_GAUGE);
    }

    /**
     * Adds a tracker's counters and returns the sink it reports to. Its gauge, if it has one, is
     * named afterwards with {@link #useGauge}, before the first tick.
     */
    public synchronized AllocationSink addTracker() {
        int index = cells.size();
        cells.add(new HashMap<>());
        dirtyCells.add(new ArrayList<>());
        return new TrackerSink(index);
    }

    /**
     * Gives the tracker reporting to {@code sink} its gauge (see
     * {@link TrackerDescriptor#gauge()}); an empty name means none.
     */
    public synchronized void useGauge(AllocationSink sink, String gauge) {
        if (!(sink instanceof TrackerSink trackerSink) || trackerSink.recorder() != this) {
            throw new IllegalArgumentException("not a sink of this recorder");
        }
        trackerSink.gaugeIndex = gauge.isEmpty() ? -1 : addGauge(gauge);
    }

    private int addGauge(String name) {
        int existing = gaugeNames.indexOf(name);
        if (existing >= 0) {
            return existing;
        }
        gaugeNames.add(name);
        gaugeCurrent = Arrays.copyOf(gaugeCurrent, gaugeNames.size());
        gaugePeak = Arrays.copyOf(gaugePeak, gaugeNames.size());
        return gaugeNames.size() - 1;
    }

    /** The gauge names, in the order of every history point's values. */
    public synchronized List<String> gauges() {
        return List.copyOf(gaugeNames);
    }

    /** Sets gauge {@code index} (0: the heap), raising its peak to {@code peak} if higher. */
    public synchronized void gauge(int index, long current, long peak) {
        gaugeCurrent[index] = current;
        gaugePeak[index] = Math.max(gaugePeak[index], Math.max(current, peak));
    }

    /**
     * Interns a location (see {@link AllocationSink#location}). Java methods of generated
     * classes (lambdas, method handles) are named without their run-specific address.
     */
    public synchronized int location(String function, String file, Domain domain) {
        String name = domain == Domain.JAVA ? HiddenClassNames.stable(function) : function;
        Location location = new Location(cut(name), cut(file), domain);
        Integer id = locationIds.get(location);
        if (id == null) {
            id = locations.size();
            locations.add(location);
            locationIds.put(location, id);
        }
        return id;
    }

    private static String cut(String s) {
        return s.length() <= MAX_NAME_CHARS ? s : s.substring(0, MAX_NAME_CHARS);
    }

    /** Interns a stack (see {@link AllocationSink#stack}). */
    public synchronized int stack(int[] locationIds) {
        if (locationIds.length > WireCodec.MAX_STACK_DEPTH) {
            locationIds = Arrays.copyOf(locationIds,
                    WireCodec.MAX_STACK_DEPTH);
        }
        for (int id : locationIds) {
            if (id < 0 || id >= locations.size()) {
                throw new IllegalArgumentException("unknown location id " + id);
            }
        }
        StackKey probe = new StackKey(locationIds);
        Integer id = stackIds.get(probe);
        if (id == null) {
            int[] copy = locationIds.clone();
            id = stacks.size();
            stacks.add(copy);
            stackIds.put(new StackKey(copy), id);
        }
        return id;
    }

    /** Names or renames a thread. */
    public synchronized void thread(long threadId, String name) {
        String old = threadNames.put(threadId, name);
        if (!name.equals(old)) {
            threadLog.add(new ThreadInfo(threadId, name));
        }
    }

    private synchronized void record(int tracker, long threadId, int stackId, long bytes,
                                     long count, boolean free) {
        if (stackId < 0 || stackId >= stacks.size()) {
            throw new IllegalArgumentException("unknown stack id " + stackId);
        }
        if (!threadNames.containsKey(threadId)) {
            thread(threadId, "thread " + threadId);
        }
        Cell cell = cells.get(tracker).computeIfAbsent(new CounterKey(threadId, stackId),
                k -> new Cell(threadId, stackId));
        if (free) {
            cell.freedBytes += bytes;
            cell.frees += count;
        } else {
            cell.allocatedBytes += bytes;
            cell.allocations += count;
        }
        if (!cell.dirty) {
            cell.dirty = true;
            dirtyCells.get(tracker).add(cell);
        }
    }

    /** One closed snapshot: the changes of each tracker since the previous one. */
    public static final class Tick {
        private final long sample;
        private final List<List<Counter>> deltas;

        Tick(long sample, List<List<Counter>> deltas) {
            this.sample = sample;
            this.deltas = deltas;
        }

        /** The snapshot's number. */
        public long sample() {
            return sample;
        }

        /** The changes of tracker {@code index}. */
        public List<Counter> deltas(int index) {
            return deltas.get(index);
        }
    }

    /**
     * Closes a snapshot: records a history point of the gauges and takes the changes since the
     * previous tick.
     *
     * @param elapsedMillis milliseconds since the program was released
     */
    public synchronized Tick tick(long elapsedMillis) {
        sample++;
        this.elapsedMillis = elapsedMillis;
        history.add(new HistoryPoint(sample, elapsedMillis, gaugeCurrent));
        if (history.size() > MAX_HISTORY) {
            thinHistory();
        }
        List<List<Counter>> deltas = new ArrayList<>(cells.size());
        for (List<Cell> dirty : dirtyCells) {
            List<Counter> trackerDeltas = new ArrayList<>(dirty.size());
            for (Cell cell : dirty) {
                trackerDeltas.add(cell.shipDelta());
            }
            dirty.clear();
            deltas.add(trackerDeltas);
        }
        lastTick = new Tick(sample, deltas);
        return lastTick;
    }

    /** Halves the older half of the history, keeping the larger heap value of each pair. */
    private void thinHistory() {
        int half = history.size() / 2;
        List<HistoryPoint> thinned = new ArrayList<>(history.size());
        for (int i = 0; i + 1 < half; i += 2) {
            HistoryPoint a = history.get(i);
            HistoryPoint b = history.get(i + 1);
            thinned.add(a.value(0) >= b.value(0) ? a : b);
        }
        thinned.addAll(history.subList(half - (half % 2), history.size()));
        history.clear();
        history.addAll(thinned);
    }

    /** The number of the last snapshot closed. */
    public synchronized long sample() {
        return sample;
    }

    /** A session description for a {@link io.github.memrayjvm.api.wire.Hello}. */
    public synchronized SessionInfo sessionInfo(long pid, String command, String javaVersion,
                                                long startEpochMillis, int intervalMillis,
                                                List<TrackerDescriptor> trackers) {
        return new SessionInfo(pid, command, javaVersion, startEpochMillis, intervalMillis,
                trackers, gaugeNames);
    }

    /**
     * What one viewer needs after the last tick: the definitions it lacks, then either the last
     * tick's changes or, if {@link ViewerCursor#needsFullState()}, the cumulative counters as of
     * the last tick; then a {@link Sample} with the history points it lacks. Updates the cursor.
     * Nothing when no tick happened since the viewer's last snapshot.
     */
    public synchronized List<Message> messagesFor(ViewerCursor cursor) {
        List<Message> out = new ArrayList<>();
        if (lastTick == null || cursor.lastSample >= sample) {
            return out;
        }
        addDefinitions(cursor, out);
        boolean full = cursor.needsFullState() || cursor.lastSample != lastTick.sample - 1;
        for (int tracker = 0; tracker < cells.size(); tracker++) {
            List<Counter> counters;
            if (full) {
                counters = new ArrayList<>(cells.get(tracker).size());
                for (Cell cell : cells.get(tracker).values()) {
                    if (cell.shippedAllocations != 0 || cell.shippedAllocatedBytes != 0
                            || cell.shippedFrees != 0 || cell.shippedFreedBytes != 0) {
                        counters.add(cell.shipped());
                    }
                }
            } else {
                counters = lastTick.deltas(tracker);
            }
            for (int from = 0; from < counters.size(); from += CHUNK_COUNTERS) {
                out.add(new Counters(tracker, full, counters.subList(from,
                        Math.min(counters.size(), from + CHUNK_COUNTERS))));
            }
        }
        List<HistoryPoint> points = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && history.get(i).sample() > cursor.lastSample; i--) {
            points.add(0, history.get(i));
        }
        out.add(new Sample(sample, elapsedMillis, points, gaugePeak, cursor.dropped));
        cursor.lastSample = sample;
        cursor.needsFull = false;
        return out;
    }

    private void addDefinitions(ViewerCursor cursor, List<Message> out) {
        int loc = cursor.locationsSent;
        int stk = cursor.stacksSent;
        int thr = cursor.threadsSent;
        while (loc < locations.size() || stk < stacks.size() || thr < threadLog.size()) {
            int budget = CHUNK_BYTES;
            int locEnd = loc;
            while (locEnd < locations.size() && budget > 0) {
                Location l = locations.get(locEnd++);
                budget -= 8 + 3 * (l.function().length() + l.file().length());
            }
            int stkEnd = stk;
            while (locEnd == locations.size() && stkEnd < stacks.size() && budget > 0) {
                budget -= 4 + 5 * stacks.get(stkEnd++).length;
            }
            int thrEnd = thr;
            while (locEnd == locations.size() && stkEnd == stacks.size()
                    && thrEnd < threadLog.size() && budget > 0) {
                budget -= 12 + 3 * threadLog.get(thrEnd++).name().length();
            }
            out.add(new Definitions(loc, locations.subList(loc, locEnd), stk,
                    stacks.subList(stk, stkEnd), threadLog.subList(thr, thrEnd)));
            loc = locEnd;
            stk = stkEnd;
            thr = thrEnd;
        }
        cursor.locationsSent = loc;
        cursor.stacksSent = stk;
        cursor.threadsSent = thr;
    }

    /**
     * Notes that a viewer missed a snapshot (it read too slowly): its next messages will carry
     * the full state.
     */
    public synchronized void skipped(ViewerCursor cursor) {
        cursor.needsFull = true;
        cursor.dropped++;
    }

    private final class TrackerSink implements AllocationSink {
        private final int tracker;
        private volatile int gaugeIndex = -1;

        TrackerSink(int tracker) {
            this.tracker = tracker;
        }

        Recorder recorder() {
            return Recorder.this;
        }

        @Override
        public int location(String function, String file, Domain domain) {
            return Recorder.this.location(function, file, domain);
        }

        @Override
        public int stack(int[] locationIds) {
            return Recorder.this.stack(locationIds);
        }

        @Override
        public void allocated(long threadId, int stackId, long bytes, long count) {
            record(tracker, threadId, stackId, bytes, count, false);
        }

        @Override
        public void freed(long threadId, int stackId, long bytes, long count) {
            record(tracker, threadId, stackId, bytes, count, true);
        }

        @Override
        public void thread(long threadId, String name) {
            Recorder.this.thread(threadId, name);
        }

        @Override
        public void gauge(long current, long peak) {
            if (gaugeIndex >= 0) {
                Recorder.this.gauge(gaugeIndex, current, peak);
            }
        }
    }
}
