package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.session.SessionState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The threads a tracker has counters for, in the order the session first saw them. */
final class ThreadOrder {

    private ThreadOrder() {
    }

    static List<Long> threadsOf(SessionState state, int tracker) {
        Set<Long> counted = new HashSet<>();
        for (Counter counter : state.counters(tracker).all()) {
            counted.add(counter.thread());
        }
        List<Long> ordered = new ArrayList<>(counted.size());
        for (Long id : state.threads().keySet()) {
            if (counted.contains(id)) {
                ordered.add(id);
            }
        }
        return ordered;
    }
}
