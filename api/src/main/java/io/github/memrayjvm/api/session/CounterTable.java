package io.github.memrayjvm.api.session;

import io.github.memrayjvm.api.model.Counter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative counters of one tracker, per (thread, stack). Not thread-safe.
 */
public final class CounterTable {

    private record Key(long thread, int stack) {
        // written out: the generated ones bootstrap method handles on first use, work a viewer
        // would do on the program's cores as it starts
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.thread == thread && k.stack == stack;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(thread) * 31 + stack;
        }
    }

    private final Map<Key, Counter> counters = new HashMap<>();

    /** Adds a change to the counter of its (thread, stack). */
    public void add(Counter delta) {
        counters.merge(new Key(delta.thread(), delta.stack()), delta, (a, b) -> new Counter(
                a.thread(), a.stack(), a.allocatedBytes() + b.allocatedBytes(),
                a.allocations() + b.allocations(), a.freedBytes() + b.freedBytes(),
                a.frees() + b.frees()));
    }

    /** Replaces the counter of its (thread, stack). */
    public void set(Counter value) {
        counters.put(new Key(value.thread(), value.stack()), value);
    }

    /** Every counter, in no particular order; a live view, not a copy. */
    public Collection<Counter> all() {
        return counters.values();
    }

    /** The number of (thread, stack) pairs. */
    public int size() {
        return counters.size();
    }

    /** A copy of the counters, for tests and diagnostics. */
    public List<Counter> snapshot() {
        return new ArrayList<>(counters.values());
    }
}
