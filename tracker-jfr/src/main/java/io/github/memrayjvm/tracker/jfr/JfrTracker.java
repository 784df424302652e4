package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import java.time.Duration;

/**
 * The {@code jfr} tracker: Java-heap bytes and objects allocated since start, by thread and
 * stack, estimated from JFR allocation events streamed in-process.
 *
 * <h2>Why this JFR configuration</h2>
 * JFR sees allocations only on the slow path: when a thread refills its TLAB or allocates
 * outside one. Two kinds of events report them, and both credit a TLAB's worth of bytes to the
 * one allocation that happened to take the slow path:
 * <ul>
 *   <li>{@code jdk.ObjectAllocationSample} (chosen for the stacks): its weight is the bytes
 *       the thread allocated since its previous emitted sample, so a thread's weights add up to
 *       what it allocated, whatever the rate; it is throttled, so its cost (a stack walk per
 *       emitted sample) stays bounded however fast the program allocates.</li>
 *   <li>{@code jdk.ObjectAllocationInNewTLAB} / {@code OutsideTLAB}: as exact per thread (each
 *       refill's TLAB size, each outside object's size), but unthrottled: with stack traces,
 *       one stack walk per refill and per large object, a cost that grows with the allocation
 *       rate. They are enabled <em>without</em> stack traces (a few dozen bytes per refill, no
 *       stack walk; about 800 events/s at 1.5 GB/s), for two things the samples lack: the size
 *       of each sampled object, for the counts, and the bytes a thread allocates after its last
 *       sample, which the throttle may never sample before the thread ends (see
 *       {@link AllocationAccounting}). {@code jdk.ThreadEnd} says when to report those.</li>
 * </ul>
 * Where each thread allocates at one site, this is right: measured within 0.2 percentage
 * points of the truth on JDK 17 and 25 ({@code PerThreadSites}, 5 s). Where one thread
 * interleaves sites of very different sizes, it is badly biased (which allocation triggers the
 * slow path is not a fair draw: on {@code InterleavedSites} the site with 50% of the bytes read
 * 1 to 27% in ten runs), and no rate or stack depth fixes that (rates from 50 to 10000 per
 * second were tried); the {@code jvmti} tracker (the JVM's heap sampling) is the accurate one
 * there.
 *
 * <p>Rate: {@value JfrTrackerOptions#DEFAULT_SAMPLE_RATE} samples per second by default
 * (option {@code jfr-sample-rate}), JFR's own "profile" setting. Per-thread bytes do not depend
 * on it; it sets how finely a thread's bytes are spread over its stacks and the cost, which is
 * small at this rate. JFR throttles in windows of 200 ms, so a burst can use up a window's
 * samples; the TLAB events keep the bytes right in that case. Stack depth: JFR's, JVM-wide
 * ({@code -XX:FlightRecorderOptions:stackdepth}, 64 frames by default; it cannot be set per
 * recording): the own figures depend only on the innermost frames, and at 300 stack walks a
 * second a deeper stack costs little.
 *
 * <h2>What is reported</h2>
 * Bytes: the sum of the sample weights, less what threads running before start had allocated by
 * then (see {@link ThreadAllocationBaseline}), plus each thread's bytes after its last sample
 * when it ends or tracking stops, without its last TLAB (so a thread's figure may fall short by
 * up to one TLAB, never exceed). Counts: an estimate of objects, each weight divided by the size
 * of the sampled object (see {@link AllocationAccounting}). Threads: the Java thread id and name;
 * memray's own threads and JFR's are skipped. Locations: {@code pkg.Class.method} in a source
 * file name derived from the class (see {@link SourceFiles}), innermost frame first.
 *
 * <h2>Latency and lifecycle</h2>
 * JFR writes events to its repository and flushes them once a second (not configurable below
 * 1 s; a recording's maximum age and size only govern how long chunk files are kept, so none is
 * set and the stream deletes each chunk once read), so figures lag the program by about 0.5 to
 * 1.1 s; {@link #flush()} has nothing to push, the events reach the sink as the stream delivers
 * them. {@link #start()} returns once the recording runs: every allocation after that is
 * recorded. {@link #close()} stops the recording, which writes out what JFR had not flushed,
 * and lets the stream read it, within {@link #CLOSE_BUDGET}; it never throws.
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
            close();
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
