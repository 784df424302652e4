package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.recorder.ViewerCursor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.wire.Message;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the jvmti tracker around a workload the way the agent does: a memray thread flushes it
 * every {@code flushMillis} while the workload runs (the test kit flushes only at the end).
 */
final class LiveRun {

    private final Recorder recorder = new Recorder();
    private TrackerDescriptor descriptor;
    private long[] statistics;

    /** Runs {@code workload} under the tracker, flushing every {@code flushMillis} (0: spin). */
    LiveRun run(Map<String, String> options, long flushMillis, Runnable workload)
            throws Exception {
        AllocationSink sink = recorder.addTracker();
        Tracker tracker = new JvmtiTrackerProvider().create(context(options, sink));
        descriptor = tracker.descriptor();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            while (running.get()) {
                tracker.flush();
                LockSupport.parkNanos(flushMillis * 1_000_000 + 100_000);
            }
        }, "memray-test-flusher");
        flusher.setDaemon(true);
        tracker.start();
        flusher.start();
        try {
            workload.run();
        } finally {
            running.set(false);
            flusher.join();
            tracker.close();
        }
        statistics = ((JvmtiTracker) tracker).statistics();
        return this;
    }

    /** The sampler's counts at close (see {@link NativeSampler#statistics()}). */
    long[] statistics() {
        return statistics;
    }

    /** The table as a viewer would show it after the run. */
    LocationTable table(Figures figures) throws Exception {
        recorder.tick(1000);
        SessionState state = new SessionState(recorder.sessionInfo(ProcessHandle.current().pid(),
                "test", System.getProperty("java.version"), System.currentTimeMillis(), 250,
                List.of(descriptor)));
        for (Message message : recorder.messagesFor(new ViewerCursor())) {
            state.apply(message);
        }
        return Aggregation.table(state, 0, figures, OptionalLong.empty());
    }

    static LocationRow row(LocationTable table, String function) {
        return table.rows().stream().filter(r -> r.location().function().equals(function))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + function));
    }

    /** A context whose own threads are those named {@code memray-...}. */
    static TrackerContext context(Map<String, String> options, AllocationSink sink) {
        return new TrackerContext() {
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
                    Thread thread = new Thread(runnable, "memray-test");
                    thread.setDaemon(true);
                    return thread;
                };
            }

            @Override
            public boolean isOwnThread(long javaThreadId) {
                return Thread.getAllStackTraces().keySet().stream().anyMatch(
                        t -> t.getId() == javaThreadId && t.getName().startsWith("memray-"));
            }

            @Override
            public void warn(String message) {
                System.err.println("memray: " + message);
            }
        };
    }
}
