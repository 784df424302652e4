package io.github.memrayjvm.api.model;

import java.util.Arrays;

/**
 * The gauges at one snapshot, for the plot of memory over time.
 *
 * @param sample        the snapshot's number, from 1
 * @param elapsedMillis milliseconds since the program's {@code main} was released
 * @param values        one value per gauge, in the order of {@link SessionInfo#gauges()}
 */
public record HistoryPoint(long sample, long elapsedMillis, long[] values) {

    public HistoryPoint {
        values = values.clone();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    /** The value of gauge number {@code index}. */
    public long value(int index) {
        return values[index];
    }

    /** How many gauges this point carries. */
    public int gaugeCount() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryPoint p && p.sample == sample
                && p.elapsedMillis == elapsedMillis && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sample) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "HistoryPoint[sample=" + sample + ", elapsedMillis=" + elapsedMillis
                + ", values=" + Arrays.toString(values) + "]";
    }
}
