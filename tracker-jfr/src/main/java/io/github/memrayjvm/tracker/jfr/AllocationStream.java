package io.github.memrayjvm.tracker.jfr;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingStream;

/**
 * An in-process JFR recording of allocation events, streamed to an
 * {@link AllocationEventHandler} on a thread of its own.
 *
 * <p>Events: {@code jdk.ObjectAllocationSample} with stack traces, throttled to the configured
 * rate; {@code jdk.ObjectAllocationInNewTLAB} and {@code jdk.ObjectAllocationOutsideTLAB}
 * without stack traces, for the size of each sampled object and the bytes after a thread's
 * last sample; {@code jdk.ThreadEnd}, to report those bytes when the thread ends (see
 * {@link AllocationAccounting}). Unordered (no sorting of each batch), reused event objects,
 * and no maximum age or size: then the stream deletes each chunk file once it has read it.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close(Duration)} once. {@code start()} returns
 * when JFR reports the recording running: from then on every sample is recorded, and reaches
 * the handler when JFR next flushes (JFR flushes once a second, so events arrive 0 to about 1.1
 * s after the allocation). The stream's thread comes from the tracker's thread factory (a
 * daemon) and runs the blocking {@link RecordingStream#start()}: {@code startAsync()} would run
 * it on a non-daemon thread of JFR's that keeps the JVM from exiting.
 *
 * <p>Closing gets the events JFR has not flushed yet by stopping the recording (which writes
 * them out), waking the stream so it reads them, and waiting for it to finish, within a
 * deadline. At the JVM's exit JFR's own shutdown hook may have stopped the recording already
 * ({@code stop()} then fails; that is fine, the data is written either way) and may delete the
 * repository; whatever the stream has not read by the deadline is lost, but the exit is never
 * held longer.
 */
final class AllocationStream {

    /** How long {@link #start()} waits for the recording to run. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How often a closing stream is woken from JFR's one-second wait for a flush. */
    private static final long WAKE_MILLIS = 5;

    private final RecordingStream stream;
    private final Recording recording;
    private final ThreadFactory threads;
    private final Consumer<Throwable> onError;
    private final Thread thread;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean closing;
    private volatile boolean stopped;
    private boolean errorTold;

    private AllocationStream(RecordingStream stream, Recording recording, ThreadFactory threads,
                             Consumer<Throwable> onError) {
        this.stream = stream;
        this.recording = recording;
        this.threads = threads;
        this.onError = onError;
        this.thread = threads.newThread(this::run);
    }

    /**
     * Creates the recording (which initializes JFR, if nothing did before) with the allocation
     * events enabled and the handler attached; nothing is recorded before {@link #start()}.
     *
     * @param onError told about the first error of the stream after start, unless it happens
     *                while closing
     */
    static AllocationStream open(JfrTrackerOptions options, AllocationEventHandler handler,
                                 ThreadFactory threads, Consumer<Throwable> onError) {
        Set<Long> before = recordingIds();
        RecordingStream stream = new RecordingStream();
        try {
            stream.enable("jdk.ObjectAllocationSample").with("throttle", options.throttle())
                    .withStackTrace();
            stream.enable("jdk.ObjectAllocationInNewTLAB").withoutStackTrace();
            stream.enable("jdk.ObjectAllocationOutsideTLAB").withoutStackTrace();
            stream.enable("jdk.ThreadEnd");
            stream.setOrdered(false);
            stream.setReuse(true);
            stream.onEvent("jdk.ObjectAllocationSample", handler::onSample);
            stream.onEvent("jdk.ObjectAllocationInNewTLAB", handler::onNewTlab);
            stream.onEvent("jdk.ObjectAllocationOutsideTLAB", handler::onOutsideTlab);
            stream.onEvent("jdk.ThreadEnd", handler::onThreadEnd);
            stream.onFlush(handler::onBatchEnd);
            stream.onMetadata(metadata -> handler.onNewChunk());
            AllocationStream allocationStream =
                    new AllocationStream(stream, ownRecording(before), threads, onError);
            stream.onError(allocationStream::failed);
            return allocationStream;
        } catch (RuntimeException | Error e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Starts the recording and returns when it runs.
     *
     * @throws Exception if it does not run (the message says why)
     */
    void start() throws Exception {
        FlightRecorderListener listener = new FlightRecorderListener() {
            @Override
            public void recordingStateChanged(Recording changed) {
                if (changed == recording && changed.getState() == RecordingState.RUNNING) {
                    running.countDown();
                }
            }
        };
        FlightRecorder.addListener(listener);
        try {
            thread.start();
            if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the JFR recording did not start within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
        } finally {
            FlightRecorder.removeListener(listener);
        }
        Throwable problem = failure;
        if (problem != null) {
            throw new IllegalStateException("the JFR recording could not start: " + problem,
                    problem);
        }
    }

    private void run() {
        try {
            stream.start();
        } catch (Throwable t) {
            if (!closing) {
                failure = t;
            }
        } finally {
            running.countDown();
        }
    }

    /**
     * Stops the recording and lets the stream deliver what JFR had not flushed, then closes
     * it; returns within about {@code budget}, whatever JFR does. Never throws; does nothing
     * the second time.
     */
    void close(Duration budget) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Thread closer = threads.newThread(() -> stopThenClose(deadline));
        closer.start();
        try {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                if (stopped) {
                    // JFR waits up to a second for its next flush before it looks again.
                    thread.interrupt();
                }
                thread.join(WAKE_MILLIS);
            }
            closer.join(Math.max(1, remainingMillis(deadline)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopThenClose(long deadline) {
        try {
            if (recording != null) {
                recording.stop();
            }
        } catch (Throwable alreadyStopped) {
            // JFR's shutdown hook stopped it first (the data is written all the same), or it
            // never ran.
        }
        stopped = true;
        try {
            thread.join(Math.max(1, remainingMillis(deadline)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stream.close();
        } catch (Throwable ignored) {
            // Closing at exit may race with JFR's own shutdown; nothing is left to save.
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static Set<Long> recordingIds() {
        Set<Long> ids = new HashSet<>();
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            ids.add(r.getId());
        }
        return ids;
    }

    /**
     * The recording the stream created (a {@link RecordingStream} does not hand it out): the
     * newest of those that appeared since {@code before} and have not started.
     */
    private static Recording ownRecording(Set<Long> before) {
        Recording found = null;
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (!before.contains(r.getId()) && r.getState() == RecordingState.NEW
                    && (found == null || r.getId() > found.getId())) {
                found = r;
            }
        }
        if (found == null) {
            throw new IllegalStateException("cannot find the recording of the JFR stream");
        }
        return found;
    }

    private synchronized void failed(Throwable error) {
        if (!closing && !errorTold) {
            errorTold = true;
            onError.accept(error);
        }
    }
}
