package io.github.memrayjvm.api.wire;

import io.github.memrayjvm.api.model.HistoryPoint;
import java.util.Arrays;
import java.util.List;

/**
 * Ends a snapshot: everything received since the previous {@code Sample} belongs to it.
 *
 * @param sample        the snapshot's number, from 1
 * @param elapsedMillis milliseconds since the program's {@code main} was released
 * @param points        gauge values for the plot not sent to this viewer yet (usually one: this
 *                      snapshot's; more after a reconnect or when the viewer fell behind)
 * @param peaks         the highest value of each gauge since start, same order as the gauges
 * @param dropped       snapshots this viewer did not get separately because it read too slowly
 *                      (their changes are folded into this one), since it connected
 */
public record Sample(long sample, long elapsedMillis, List<HistoryPoint> points, long[] peaks,
                     long dropped) implements Message {

    public Sample {
        points = List.copyOf(points);
        peaks = peaks.clone();
    }

    @Override
    public long[] peaks() {
        return peaks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && s.sample == sample && s.elapsedMillis == elapsedMillis
                && s.points.equals(points) && Arrays.equals(s.peaks, peaks)
                && s.dropped == dropped;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sample) * 31 + points.hashCode();
    }

    @Override
    public String toString() {
        return "Sample[sample=" + sample + ", elapsedMillis=" + elapsedMillis + ", points="
                + points + ", peaks=" + Arrays.toString(peaks) + ", dropped=" + dropped + "]";
    }
}
