package io.github.memrayjvm.tracker.jvmti;

/**
 * The native heap sampler ({@code libmemrayjvmti.so}): one sampling session at a time per JVM.
 *
 * <p>Lifecycle: {@link #start}, then any number of drains ({@link #drainCells}, then
 * {@link #threads}, {@link #stacks}, {@link #methods} in this order, so that each fetch holds
 * everything the ones before it refer to), then {@link #stop}, a last drain, and
 * {@link #release}. Threading: the caller makes sure that calls never overlap (the tracker holds
 * a lock); the sampling callbacks run on the program's threads meanwhile and never call back
 * into Java. Only usable once {@link SamplerLibrary#availability()} said yes.
 */
final class NativeSampler {

    /** Values of {@link #statistics()}, by position. */
    static final int SAMPLES = 0;
    static final int UNFOLLOWED = 1;
    static final int DROPPED = 2;
    static final int METHODS = 3;
    static final int STACKS = 4;
    static final int THREADS = 5;
    static final int CELLS = 6;

    private NativeSampler() {
    }

    /** Why this JVM cannot sample (no JVMTI 11, a capability missing), or {@code null}. */
    static native String probe();

    /**
     * Starts sampling every {@code interval} bytes on average (0: every object), capturing up to
     * {@code depth} frames per sample.
     *
     * @return {@code null} on success, otherwise why it could not start
     */
    static native String start(long interval, int depth);

    /**
     * Stops sampling and waits up to {@code waitMillis} for callbacks that are still running.
     *
     * @return {@code true} when no callback runs any more
     */
    static native boolean stop(long waitMillis);

    /** Frees the session's tables, the weak references it still holds and its JVMTI environment. */
    static native void release();

    /**
     * The changes since the last drain, six values per changed (thread, stack): thread index,
     * stack index, allocated bytes, allocations, freed bytes, frees.
     */
    static native long[] drainCells();

    /** The threads first seen from index {@code from} on; an element is null if unknown. */
    static native Thread[] threads(int from);

    /** Methods from index {@code from} on, three strings each: class, method, source file. */
    static native String[] methods(int from);

    /** Stacks from index {@code from} on, each as its depth followed by its method indices. */
    static native int[] stacks(int from);

    /** Stops sampling the thread of this index (one of memray's own). */
    static native void ignoreThread(int index);

    /** Counts kept by the sampler, indexed by {@link #SAMPLES} .. {@link #CELLS}. */
    static native long[] statistics();
}
