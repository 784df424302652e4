package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The trackers of this run, each reporting to its own sink of the {@link Recorder}. Created and
 * started on memray's start-up thread; flushed on the snapshot thread; closed by the shutdown
 * hook, with a bound on how long that may take.
 */
final class RunningTrackers {

    private record Running(String name, Tracker tracker) {
    }

    private final List<Running> trackers;
    private final AgentThreads threads;
    private final AgentLog log;
    private final List<String> failedFlushes = new ArrayList<>();

    private RunningTrackers(List<Running> trackers, AgentThreads threads, AgentLog log) {
        this.trackers = trackers;
        this.threads = threads;
        this.log = log;
    }

    /** Creates the trackers (not started); their gauges are registered with the recorder. */
    static RunningTrackers create(List<TrackerProvider> providers, Recorder recorder,
                                  Map<String, String> options, AgentThreads threads,
                                  AgentLog log) {
        List<Running> trackers = new ArrayList<>();
        for (TrackerProvider provider : providers) {
            AllocationSink sink = recorder.addTracker();
            Tracker tracker = provider.create(new Context(provider.name(), options, sink,
                    threads, log));
            recorder.useGauge(sink, tracker.descriptor().gauge());
            trackers.add(new Running(provider.name(), tracker));
        }
        return new RunningTrackers(List.copyOf(trackers), threads, log);
    }

    /** What each tracker's figures mean, in counter order. */
    List<TrackerDescriptor> descriptors() {
        return trackers.stream().map(r -> r.tracker().descriptor()).toList();
    }

    /**
     * Starts every tracker. One that fails is reported and left out of flushing; the others go
     * on.
     *
     * @return {@code false} if any failed
     */
    boolean startAll() {
        boolean all = true;
        for (Running running : trackers) {
            try {
                running.tracker().start();
            } catch (Exception | LinkageError e) {
                all = false;
                log.line("tracker '" + running.name() + "' could not start: " + e.getMessage());
            }
        }
        return all;
    }

    /** Lets every tracker push what it buffered; a failing tracker is reported once. */
    void flushAll() {
        for (Running running : trackers) {
            try {
                running.tracker().flush();
            } catch (RuntimeException | LinkageError e) {
                synchronized (failedFlushes) {
                    if (!failedFlushes.contains(running.name())) {
                        failedFlushes.add(running.name());
                        log.line("tracker '" + running.name() + "' failed: " + e);
                    }
                }
            }
        }
    }

    /** Closes every tracker, in parallel, waiting at most {@code budget} in all. */
    void closeAll(Duration budget) {
        List<Thread> closing = new ArrayList<>();
        for (Running running : trackers) {
            Thread thread = threads.newThread("close-" + running.name(), () -> {
                try {
                    running.tracker().close();
                } catch (RuntimeException | LinkageError e) {
                    // close must not throw; at exit there is nobody left to tell
                }
            });
            thread.start();
            closing.add(thread);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        for (Thread thread : closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Context(String trackerName, Map<String, String> options, AllocationSink sink,
                           AgentThreads threads, AgentLog log) implements TrackerContext {

        @Override
        public ThreadFactory threadFactory() {
            return threads.factory("tracker-" + trackerName);
        }

        @Override
        public boolean isOwnThread(long javaThreadId) {
            return threads.isOwn(javaThreadId);
        }

        @Override
        public void warn(String message) {
            log.line(message);
        }
    }
}
