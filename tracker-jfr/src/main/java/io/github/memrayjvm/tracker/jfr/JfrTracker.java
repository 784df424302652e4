package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import java.time.Duration;

/**
 * The {@code jfr} tracker: Java-heap bytes and objects allocated since start, by thread and
 * stack, estimated from JFR's allocation samples streamed in-process.
 *
 * <h2>Why this JFR configuration</h2>
 * JFR sees allocations only when a thread refills its TLAB or allocates outside one. Two kinds
 * of events report them, and both attribute a TLAB's worth of bytes to the one allocation that
 * happened to trigger the slow path:
 * <ul>
 *   <li>{@code jdk.ObjectAllocationSample} (chosen): its weight is the bytes the thread
 *       allocated since its previous emitted sample, so a thread's weights add up exactly to
 *       what it allocated, whatever the rate; it is throttled, so its cost (a stack walk per
 *       emitted sample) is bounded however fast the program allocates.</li>
 *   <li>{@code jdk.ObjectAllocationInNewTLAB} / {@code OutsideTLAB} with stack traces: as exact
 *       per thread (a refill's TLAB size plus each outside allocation), but one stack walk per
 *       TLAB refill and per large object, unthrottled: the cost grows with the allocation
 *       rate. Here they are enabled <em>without</em> stack traces, only to learn the size of
 *       each sampled object for the counts; no stack walk, and the events for the handful of
 *       refills that carry no sample are skipped early.</li>
 * </ul>
 * Where each thread allocates at one site, both are right (measured within 1 percentage point
 * of the truth, on JDK 17 and 25); where one thread interleaves sites of very different sizes,
 * both are badly biased (the TLAB-refill trigger is not a fair draw), and no rate or depth
 * fixes that: the {@code jvmti} tracker (the JVM's heap sampling) is the accurate one.
 *
 * <p>Rate: {@value JfrTrackerOptions#DEFAULT_SAMPLE_RATE} samples per second by default
 * (option {@code jfr-sample-rate}), JFR's own "profile" setting. Per-thread bytes do not depend
 * on it; it sets how finely bytes are spread over a thread's stacks, how quickly a thread's
 * last bytes are reported (everything after its last sample is lost at exit), and the cost.
 * Stack depth: JFR's, JVM-wide ({@code -XX:FlightRecorderOptions:stackdepth}, 64 frames by
 * default, cannot be set per recording); a deeper stack costs more per sample but rarely
 * changes the own figures, which depend on the innermost frames.
 *
 * <h2>What is reported</h2>
 * Bytes: the sum of the sample weights (less what pre-existing threads had allocated before
 * start, see {@link ThreadAllocationBaseline}). Counts: an estimate of objects, each weight
 * divided by the size of the sampled object (see {@link AllocationAccounting}). Threads: the
 * Java thread id and name of each sampled thread; memray's own threads and JFR's are skipped.
 * Locations: {@code pkg.Class.method} in a source file name derived from the class (see
 * {@link SourceFiles}).
 *
 * <h2>Latency and lifecycle</h2>
 * JFR writes events to its repository and the stream reads them once a second (JFR's flush
 * period, not configurable below 1 s), so figures lag the program by about 0.5 to 1.1 s;
 * {@link #flush()} has nothing to push (the events reach the sink as the stream delivers
 * them). {@link #close()} stops the recording to get the events JFR had not flushed, within
 * {@link #CLOSE_BUDGET}, and never throws.
 *
 * <p>Threading: per {@link Tracker}; the stream's work runs on one daemon thread from
 * {@link TrackerContext#threadFactory()}, never on the program's threads.
 */
final class JfrTracker implements Tracker {

    /** How long {@link #close()} may take at most, roughly. */
    static final Duration CLOSE_BUDGET = Duration.ofMillis(300);

    static final String DETAIL = "JFR allocation samples (TLAB-based), each weighted by the "
            + "bytes its thread allocated since its previous sample";

    static final TrackerDescriptor DESCRIPTOR = new TrackerDescriptor(
            JfrTrackerProvider.NAME, Memory.JAVA_HEAP, Figures.ALLOCATED, true, false, "",
            DETAIL);

    private final TrackerContext context;
    private final JfrTrackerOptions options;
    private AllocationEventHandler handler;
    private AllocationStream stream;

    JfrTracker(TrackerContext context, JfrTrackerOptions options) {
        this.context = context;
        this.options = options;
    }

    @Override
    public TrackerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void start() throws Exception {
        if (handler != null) {
            throw new IllegalStateException("the jfr tracker was started already");
        }
        handler = new AllocationEventHandler(context);
        stream = AllocationStream.open(options, handler, context.threadFactory(),
                error -> context.warn("the jfr tracker's event stream failed: " + error));
        try {
            stream.start();
        } catch (Exception e) {
            stream.close(CLOSE_BUDGET);
            handler.close();
            throw e;
        }
        // After the start: what JFR's initialization allocated is not the program's.
        handler.begin(ThreadAllocationBaseline.capture());
    }

    /** Nothing to do: samples reach the sink as soon as the stream delivers them. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close(CLOSE_BUDGET);
            }
        } catch (Throwable ignored) {
            // Closing must never throw; what could not be read is lost.
        } finally {
            if (handler != null) {
                handler.close();
            }
        }
    }
}
