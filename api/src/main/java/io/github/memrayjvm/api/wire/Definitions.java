package io.github.memrayjvm.api.wire;

import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.ThreadInfo;
import java.util.List;

/**
 * New entries of the session's tables. Locations and stacks are numbered from 0 in the order
 * they were first seen and never change, so each message appends a run of them; thread entries
 * add a thread or rename it (the last name wins).
 *
 * @param firstLocationId the id of {@code locations.get(0)}: the number of locations defined
 *                        before this message
 * @param locations       new locations, ids {@code firstLocationId, firstLocationId + 1, ...}
 * @param firstStackId    the id of {@code stacks.get(0)}
 * @param stacks          new stacks as location ids, innermost frame first
 * @param threads         threads added or renamed
 */
public record Definitions(int firstLocationId, List<Location> locations, int firstStackId,
                          List<int[]> stacks, List<ThreadInfo> threads) implements Message {

    public Definitions {
        locations = List.copyOf(locations);
        stacks = List.copyOf(stacks);
        threads = List.copyOf(threads);
    }

    /** {@code true} when it defines nothing. */
    public boolean isEmpty() {
        return locations.isEmpty() && stacks.isEmpty() && threads.isEmpty();
    }
}
