package io.github.memrayjvm.tracker.natives;

/**
 * What the native tracker reads from the C library: the JNI functions, behind an interface so
 * that the Java side can be tested without a preloaded library. Not thread-safe: one drainer.
 */
interface NativeSource {

    /** {@code true} when the library's malloc is the process's (it was preloaded). */
    boolean interposing();

    /**
     * Starts recording.
     *
     * @param samplingInterval    0 for every allocation, else the mean bytes between samples
     * @param javaFrames          append Java frames to native ones for Java threads
     * @param currentJavaThreadId the calling thread's Java id
     * @return 0 when started as asked, 1 when started without Java frames, -1 when not started
     */
    int enable(long samplingInterval, boolean javaFrames, long currentJavaThreadId);

    /** Stops recording. */
    void disable();

    /** Stacks first seen since the last call: {@code [id, length, frames...]...}. */
    long[] drainStacks();

    /** Threads whose record changed: {@code [serial, tid, javaId (0: unknown), ignored]...}. */
    long[] drainThreads();

    /**
     * {@code [liveBytes, peakBytes, liveCount, ignoredLiveBytes, ignoredFrees]}, then for every
     * (thread, stack) cell that changed since the last call
     * {@code [serial, stack, allocatedBytes, allocations, freedBytes, frees]}.
     */
    long[] drainCells();

    /** Stops recording the allocations of the thread with this serial. */
    void ignoreThread(int serial);

    /** The file of the loaded object holding {@code pc} (its load address into base[0]), or null. */
    String module(long pc, long[] base);

    /** The demangled form of a C++ symbol, or null. */
    String demangle(String name);

    /** {class signature, method name, source file or null} of a jmethodID, or null. */
    String[] method(long methodId);
}
