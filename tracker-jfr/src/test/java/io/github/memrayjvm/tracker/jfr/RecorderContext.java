package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.recorder.ViewerCursor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.wire.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tracker context over a real {@link Recorder}, for tests and measurements that drive the
 * tracker's lifecycle themselves (the test kit runs it start to end in one call).
 */
final class RecorderContext implements TrackerContext {

    private final Recorder recorder = new Recorder();
    private final AllocationSink sink = recorder.addTracker();
    private final Map<String, String> options;
    private final Set<Long> ownThreads = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger threadNumber = new AtomicInteger();

    RecorderContext(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public AllocationSink sink() {
        return sink;
    }

    @Override
    public ThreadFactory threadFactory() {
        return runnable -> {
            Thread thread = new Thread(runnable, "memray-test-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            ownThreads.add(thread.getId());
            return thread;
        };
    }

    @Override
    public boolean isOwnThread(long javaThreadId) {
        return ownThreads.contains(javaThreadId);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Takes a snapshot and returns everything reported so far, as a viewer would see it. */
    SessionState snapshot() {
        recorder.tick(0);
        SessionState state = new SessionState(recorder.sessionInfo(1, "test", "", 0, 250,
                List.of(JfrTracker.DESCRIPTOR)));
        try {
            for (Message message : recorder.messagesFor(new ViewerCursor())) {
                state.apply(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return state;
    }

    /** All threads merged. */
    static LocationTable table(SessionState state) {
        return Aggregation.table(state, 0, Figures.ALLOCATED, java.util.OptionalLong.empty());
    }

    /** The total bytes of {@code function}, 0 when absent. */
    static long totalBytes(LocationTable table, String function) {
        return table.rows().stream().filter(r -> r.location().function().equals(function))
                .mapToLong(LocationRow::total).findFirst().orElse(0);
    }
}
