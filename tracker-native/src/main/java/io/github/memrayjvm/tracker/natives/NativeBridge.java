package io.github.memrayjvm.tracker.natives;

/**
 * The JNI functions of {@code libmemraynative.so} (see {@code src/main/c/jni.c}), loaded from
 * the copy that was preloaded into this process. Called from one memray thread at a time.
 */
final class NativeBridge implements NativeSource {

    /** A frame word with this bit set is a Java frame; the rest is a {@code jmethodID}. */
    static final long JAVA_FRAME = 1L << 63;

    private static boolean loaded;

    /**
     * Makes the preloaded library's JNI functions callable (once): they already are when the
     * JVM was also given {@code -agentpath:} the library; otherwise it is loaded with
     * {@link System#load} (which JDK 24 and later warn about unless native access is enabled).
     */
    static synchronized void load(java.nio.file.Path library) {
        if (loaded) {
            return;
        }
        try {
            interposing0();
        } catch (UnsatisfiedLinkError notBound) {
            System.load(library.toAbsolutePath().toString());
        }
        loaded = true;
    }

    @Override
    public boolean interposing() {
        return interposing0();
    }

    @Override
    public int enable(long samplingInterval, boolean javaFrames, long currentJavaThreadId) {
        return enable0(samplingInterval, javaFrames, currentJavaThreadId);
    }

    @Override
    public void disable() {
        disable0();
    }

    @Override
    public long[] drainStacks() {
        return drainStacks0();
    }

    @Override
    public long[] drainThreads() {
        return drainThreads0();
    }

    @Override
    public long[] drainCells() {
        return drainCells0();
    }

    @Override
    public void ignoreThread(int serial) {
        ignoreThread0(serial);
    }

    @Override
    public String module(long pc, long[] base) {
        return module0(pc, base);
    }

    @Override
    public String demangle(String name) {
        return demangle0(name);
    }

    @Override
    public String[] method(long methodId) {
        return method0(methodId);
    }

    private static native boolean interposing0();

    private static native int enable0(long samplingInterval, boolean javaFrames, long currentJavaThreadId);

    private static native void disable0();

    private static native long[] drainStacks0();

    private static native long[] drainThreads0();

    private static native long[] drainCells0();

    private static native void ignoreThread0(int serial);

    private static native String module0(long pc, long[] base);

    private static native String demangle0(String name);

    private static native String[] method0(long methodId);
}
