package io.github.memrayjvm.testkit;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a tracker reported during a {@link TrackerTestKit} run, as a viewer would show it.
 * Immutable in use; read it from the test's thread.
 */
public final class TrackerRun {

    private final TrackerDescriptor descriptor;
    private final SessionState state;
    private final List<String> warnings;

    TrackerRun(TrackerDescriptor descriptor, SessionState state, List<String> warnings) {
        this.descriptor = descriptor;
        this.state = state;
        this.warnings = warnings;
    }

    /** What the tracker said its figures are. */
    public TrackerDescriptor descriptor() {
        return descriptor;
    }

    /** The viewer-side state after the run: locations, stacks, threads, counters, gauges. */
    public SessionState state() {
        return state;
    }

    /** Lines the tracker wrote for the user with {@code warn}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The table in the tracker's main meaning, all threads merged. */
    public LocationTable table() {
        return table(descriptor.figures());
    }

    /** The table in the given meaning, all threads merged. */
    public LocationTable table(Figures figures) {
        return Aggregation.table(state, 0, figures, OptionalLong.empty());
    }

    /** The table of one thread, in the tracker's main meaning. */
    public LocationTable tableOfThread(long threadId) {
        return Aggregation.table(state, 0, descriptor.figures(), OptionalLong.of(threadId));
    }

    /** The row of the location whose function is {@code function}, all threads merged. */
    public Optional<LocationRow> row(String function) {
        return table().rows().stream()
                .filter(r -> r.location().function().equals(function)).findFirst();
    }

    /**
     * The share, in percent, of the bytes the table accounts for that are attributed to
     * {@code function} and what it called (its total), 0 when absent.
     */
    public double shareOfTotal(String function) {
        LocationTable table = table();
        return row(function).map(r -> table.percentOfBytes(r.total())).orElse(0.0);
    }
}
