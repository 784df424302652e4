package io.github.memrayjvm.testkit;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.recorder.ViewerCursor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import io.github.memrayjvm.api.wire.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a tracker the way the agent does, but in the test's own JVM, and hands back what it
 * reported as a viewer would see it. Like JUnit's {@code EngineTestKit}, for tracker authors:
 *
 * <pre>{@code
 * TrackerRun run = TrackerTestKit.tracker(new MyTrackerProvider())
 *         .option("my-option", "42")
 *         .run(() -> workload());
 * assertThat(run.row("com.example.Workload.allocate").own()).isGreaterThan(0);
 * }</pre>
 *
 * <p>The tracker is checked (API version, availability), created, started, the workload runs on
 * the calling thread, then the tracker is flushed and closed and one snapshot is taken through the
 * real {@link Recorder}, so ids, deltas and aggregation are the ones users get.
 */
public final class TrackerTestKit {

    /** A workload that may throw. */
    @FunctionalInterface
    public interface Workload {
        void run() throws Exception;
    }

    private final TrackerProvider provider;
    private final Map<String, String> options = new LinkedHashMap<>();
    private long settleMillis;

    private TrackerTestKit(TrackerProvider provider) {
        this.provider = provider;
    }

    /** Starts describing a run of {@code provider}'s tracker. */
    public static TrackerTestKit tracker(TrackerProvider provider) {
        return new TrackerTestKit(provider);
    }

    /** Sets an option the tracker reads from {@link TrackerContext#options()}. */
    public TrackerTestKit option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /**
     * Waits this long after the workload before closing the tracker, for trackers that deliver
     * events late (JFR streaming lags by about a second).
     */
    public TrackerTestKit settleMillis(long millis) {
        this.settleMillis = millis;
        return this;
    }

    /**
     * Runs the workload under the tracker.
     *
     * @throws MemrayException if the provider was built for another API version or cannot run
     *                         here
     */
    public TrackerRun run(Workload workload) throws Exception {
        Providers.checkVersion("tracker", provider);
        if (!provider.availability().available()) {
            throw new MemrayException("tracker '" + provider.name() + "' cannot run here: "
                    + provider.availability().reason());
        }
        Recorder recorder = new Recorder();
        AllocationSink sink = recorder.addTracker();
        KitContext context = new KitContext(Map.copyOf(options), sink);
        Tracker tracker = provider.create(context);
        TrackerDescriptor descriptor = tracker.descriptor();
        recorder.useGauge(sink, descriptor.gauge());
        tracker.start();
        long start = System.nanoTime();
        try {
            workload.run();
            if (settleMillis > 0) {
                Thread.sleep(settleMillis);
            }
            tracker.flush();
        } finally {
            tracker.close();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        recorder.tick(elapsed);
        SessionState state = new SessionState(recorder.sessionInfo(ProcessHandle.current().pid(),
                "test", System.getProperty("java.version"), System.currentTimeMillis(), 250,
                List.of(descriptor)));
        for (Message message : recorder.messagesFor(new ViewerCursor())) {
            state.apply(message);
        }
        return new TrackerRun(descriptor, state, List.copyOf(context.warnings));
    }

    private static final class KitContext implements TrackerContext {
        private final Map<String, String> options;
        private final AllocationSink sink;
        private final Set<Long> ownThreads = ConcurrentHashMap.newKeySet();
        private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger threadNumber = new AtomicInteger();

        KitContext(Map<String, String> options, AllocationSink sink) {
            this.options = options;
            this.sink = sink;
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
                Thread thread = new Thread(runnable, "memray-testkit-" + threadNumber.incrementAndGet());
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
    }
}
