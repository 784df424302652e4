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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The trackers of this run, each reporting to its own sink of the {@link Recorder}. Created and
 * started on memray's start-up thread; flushed on the snapshot thread; closed by the shutdown
 * hook, with a bound on how long that may take.
 */
final class RunningTrackers {

    /** One tracker and whether it started. */
    private static final class Running {
        final String name;
        final Tracker tracker;
        volatile boolean started;

        Running(String name, Tracker tracker) {
            this.name = name;
            this.tracker = tracker;
        }
    }

    private final List<Running> trackers;
    private final AgentThreads threads;
    private final AgentLog log;
    private final List<String> failedFlushes = new ArrayList<>();
    /** Flushing and closing never overlap: a tracker is never flushed during or after close. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private boolean closed;

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
        return trackers.stream().map(r -> r.tracker.descriptor()).toList();
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
                running.tracker.start();
                running.started = true;
            } catch (Exception | LinkageError e) {
                all = false;
                log.line("tracker '" + running.name + "' could not start: " + e.getMessage());
            }
        }
        return all;
    }

    /**
     * Lets every started tracker push what it buffered; a failing tracker is reported once.
     * Does nothing once {@link #closeAll} began.
     */
    void flushAll() {
        lifecycle.lock();
        try {
            if (!closed) {
                flushStarted();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    private void flushStarted() {
        for (Running running : trackers) {
            if (!running.started) {
                continue;
            }
            try {
                running.tracker.flush();
            } catch (RuntimeException | LinkageError e) {
                synchronized (failedFlushes) {
                    if (!failedFlushes.contains(running.name)) {
                        failedFlushes.add(running.name);
                        log.line("tracker '" + running.name + "' failed: " + e);
                    }
                }
            }
        }
    }

    /**
     * Closes every tracker, in parallel, waiting at most {@code budget} in all (including for a
     * flush in progress). A tracker still closing when the budget is spent is left to finish on
     * its own daemon thread; what it reports after that misses the last snapshot.
     */
    void closeAll(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            if (!lifecycle.tryLock(budget.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.unlock();
        }
        List<Thread> closing = new ArrayList<>();
        for (Running running : trackers) {
            Thread thread = threads.newThread("close-" + running.name, () -> {
                try {
                    running.tracker.close();
                } catch (RuntimeException | LinkageError e) {
                    // close must not throw; at exit there is nobody left to tell
                }
            });
            thread.start();
            closing.add(thread);
        }
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
