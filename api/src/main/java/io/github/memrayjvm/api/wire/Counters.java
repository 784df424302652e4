package io.github.memrayjvm.api.wire;

import io.github.memrayjvm.api.model.Counter;
import java.util.List;

/**
 * Counter values of one tracker.
 *
 * @param tracker  the tracker's index in {@link io.github.memrayjvm.api.model.SessionInfo#trackers()}
 * @param absolute {@code true}: each counter is the cumulative value and replaces the viewer's;
 *                 {@code false}: each counter is a change since the previous snapshot, to add
 * @param counters the counters; each (thread, stack) pair at most once
 */
public record Counters(int tracker, boolean absolute, List<Counter> counters) implements Message {

    public Counters {
        counters = List.copyOf(counters);
    }
}
