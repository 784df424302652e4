package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;

/**
 * The {@code jvmti} tracker: the JVM's own heap sampling (JVMTI {@code SampledObjectAlloc},
 * JEP 331). Each sample of an object of {@code s} bytes, taken every {@code I} bytes on average,
 * stands for {@code s / (1 - e^(-s/I))} bytes and {@code 1 / (1 - e^(-s/I))} objects, an unbiased
 * estimate whatever the mix of sizes. Sampled objects are followed by JNI weak references, and
 * their frees (the references the GC cleared, found at each flush) are reported with the same
 * weights under the allocating thread and stack, so allocated minus freed is the live heap by
 * site.
 *
 * <p>The native sampler counts per (thread, stack) on the allocating threads; {@link #flush()}
 * drains the changes into the sink. Lifecycle and threading as {@link Tracker} says: start,
 * flushes and close come from memray threads, one at a time.
 */
final class JvmtiTracker implements Tracker {

    /** Frames captured per sample, innermost first. */
    static final int STACK_DEPTH = 64;
    /** How long {@link #close()} waits for sampling callbacks still running. */
    static final long STOP_WAIT_MILLIS = 200;

    /** The native sampler is one per JVM: every call into it holds this lock. */
    private static final Object LOCK = new Object();

    private final TrackerContext context;
    private final long interval;
    private final TrackerDescriptor descriptor;
    private final SampleReporter reporter;
    private boolean started;
    private boolean closed;
    private boolean drainFailed;
    private long[] statistics = new long[NativeSampler.CELLS + 1];

    JvmtiTracker(TrackerContext context, long interval) {
        this.context = context;
        this.interval = interval;
        this.descriptor = new TrackerDescriptor(JvmtiTrackerProvider.NAME, Memory.JAVA_HEAP,
                Figures.ALLOCATED, true, true, "", detail(interval));
        this.reporter = new SampleReporter(context.sink(), context::isOwnThread);
    }

    static String detail(long interval) {
        if (interval == 0) {
            return "JVM heap sampling (JVMTI) of every object; frees followed by weak references";
        }
        return "JVM heap sampling (JVMTI), one sample per " + SamplingInterval.describe(interval)
                + " on average; a sample of s bytes counts s/(1-e^(-s/"
                + SamplingInterval.describe(interval).replace(" ", "")
                + ")) bytes; frees of samples followed by weak references";
    }

    @Override
    public TrackerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void start() {
        synchronized (LOCK) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            Availability library = SamplerLibrary.availability();
            if (!library.available()) {
                throw new MemrayException("the jvmti tracker cannot run here: " + library.reason());
            }
            String problem = NativeSampler.start(interval, STACK_DEPTH);
            if (problem != null) {
                throw new MemrayException("the jvmti tracker cannot start: " + problem);
            }
            started = true;
        }
    }

    @Override
    public void flush() {
        synchronized (LOCK) {
            if (started && !closed && !drainFailed) {
                try {
                    drain();
                } catch (RuntimeException e) {
                    // A broken drain must not take the snapshots down with it: say so once.
                    drainFailed = true;
                    context.warn("jvmti tracker: figures stopped updating (" + e + ")");
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (!started || closed) {
                return;
            }
            closed = true;
            try {
                NativeSampler.stop(STOP_WAIT_MILLIS);
                if (!drainFailed) {
                    drain();
                }
                statistics = NativeSampler.statistics();
                if (statistics[NativeSampler.DROPPED] > 0) {
                    context.warn("jvmti tracker: " + statistics[NativeSampler.DROPPED]
                            + " samples were lost (out of memory or table space)");
                }
            } catch (RuntimeException | LinkageError e) {
                context.warn("jvmti tracker: the last figures were lost (" + e + ")");
            } finally {
                NativeSampler.release();
            }
        }
    }

    /** The sampler's counts ({@link NativeSampler#statistics()}) as of {@link #close()}. */
    long[] statistics() {
        synchronized (LOCK) {
            return statistics.clone();
        }
    }

    private void drain() {
        // Each fetch sees everything the ones before it refer to: a cell's thread and stack are
        // published before the cell, a stack's methods before the stack.
        long[] cells = NativeSampler.drainCells();
        Thread[] threads = NativeSampler.threads(reporter.threadCount());
        int[] stacks = NativeSampler.stacks(reporter.stackCount());
        String[] methods = NativeSampler.methods(reporter.methodCount());
        for (int own : reporter.addThreads(threads)) {
            NativeSampler.ignoreThread(own);
        }
        reporter.addMethods(methods);
        reporter.addStacks(stacks);
        reporter.report(cells);
    }
}
