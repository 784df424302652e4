package io.github.memrayjvm.api.model;

import java.util.List;
import java.util.Objects;

/**
 * What a viewer learns about the tracked program when it connects.
 *
 * @param pid              the tracked process id
 * @param command          the tracked program's command line, as the user would recognise it;
 *                         never {@code null}
 * @param javaVersion      the tracked JVM's {@code java.version}; never {@code null}
 * @param startEpochMillis when tracking started, in epoch milliseconds
 * @param intervalMillis   how often the tracked side sends a snapshot
 * @param trackers         the running trackers, in the order their counters are numbered;
 *                         never {@code null}
 * @param gauges           the names of the gauges every history point carries, in order; the
 *                         first is always {@code "heap"} (the JVM's used heap); never
 *                         {@code null}
 */
public record SessionInfo(long pid, String command, String javaVersion, long startEpochMillis,
                          int intervalMillis, List<TrackerDescriptor> trackers,
                          List<String> gauges) {

    /** The name of the gauge every session has: the JVM's used heap, in bytes. */
    public static final String HEAP_GAUGE = "heap";

    public SessionInfo {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(javaVersion, "javaVersion");
        trackers = List.copyOf(trackers);
        gauges = List.copyOf(gauges);
    }

    /** The index of gauge {@code name} in each history point, or -1. */
    public int gaugeIndex(String name) {
        return gauges.indexOf(name);
    }
}
