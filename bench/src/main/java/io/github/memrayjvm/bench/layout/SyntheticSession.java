package io.github.memrayjvm.bench.layout;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A viewer's session state as the scale benchmark's program makes it: {@code threads} threads
 * and {@code stacks} distinct stacks, each a path of five levels through ten methods under a
 * thread's run method, as the wire would deliver them.
 */
public final class SyntheticSession {

    private static final int LEVELS = 5;

    private SyntheticSession() {
    }

    /** The state after the definitions, one counter per stack and a few samples arrived. */
    public static SessionState build(int threads, int stacks) {
        TrackerDescriptor tracker = new TrackerDescriptor("jvmti", Memory.JAVA_HEAP,
                Figures.ALLOCATED, true, true, "", "synthetic");
        SessionInfo info = new SessionInfo(1, "ManyStacks", "17", 0, 250, List.of(tracker),
                List.of(SessionInfo.HEAP_GAUGE));
        SessionState state = new SessionState(info);
        List<Location> locations = new ArrayList<>();
        String owner = "io.github.memrayjvm.bench.workload.ManyStacks";
        locations.add(new Location("java.lang.Thread.run", "Thread.java", Domain.JAVA));
        locations.add(new Location(owner + ".work", "ManyStacks.java", Domain.JAVA));
        locations.add(new Location(owner + ".path", "ManyStacks.java", Domain.JAVA));
        for (int m = 0; m < 10; m++) {
            locations.add(new Location(owner + ".m" + m, "ManyStacks.java", Domain.JAVA));
        }
        List<int[]> paths = new ArrayList<>();
        for (int code = 0; code < stacks; code++) {
            int[] stack = new int[3 + 2 * LEVELS];
            int at = stack.length - 1;
            stack[at--] = 0;
            stack[at--] = 1;
            int rest = code;
            for (int level = 0; level < LEVELS; level++) {
                stack[at--] = 2;
                stack[at--] = 3 + rest % 10;
                rest /= 10;
            }
            stack[at] = 2;
            paths.add(stack);
        }
        List<ThreadInfo> names = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            names.add(new ThreadInfo(t + 1, "many-stacks-" + t));
        }
        List<Counter> counters = new ArrayList<>();
        for (int code = 0; code < stacks; code++) {
            counters.add(new Counter(code % threads + 1, code, 272L * (1 + code % 7), 1 + code % 7,
                    0, 0));
        }
        List<HistoryPoint> points = new ArrayList<>();
        for (int s = 1; s <= 100; s++) {
            points.add(new HistoryPoint(s, s * 250L, new long[] {s * 1_000_000L}));
        }
        try {
            state.apply(new Definitions(0, locations, 0, paths, names));
            state.apply(new Counters(0, true, counters));
            state.apply(new Sample(100, 25_000, points, new long[] {100_000_000L}, 0));
        } catch (WireFormatException e) {
            throw new IllegalStateException("synthetic session does not fit the wire format", e);
        }
        return state;
    }
}
