package io.github.memrayjvm.api.tracker;

import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * What memray gives a tracker: its options, the sink to report to, and threads.
 *
 * <p>All methods are thread-safe and return the same objects every call.
 */
public interface TrackerContext {

    /**
     * The options the user gave memray, by key (e.g. {@code "heap-sampling" -> "524288"}); a
     * tracker reads the keys it documents and ignores the rest. Never {@code null}, unmodifiable.
     */
    Map<String, String> options();

    /** Where the tracker reports what it sees; never {@code null}. */
    AllocationSink sink();

    /**
     * Makes threads for the tracker's own work: daemon threads, named {@code memray-...}, whose
     * allocations memray does not report (see {@link #isOwnThread(long)}).
     */
    ThreadFactory threadFactory();

    /**
     * {@code true} when the Java thread with this id is one of memray's own (its transport,
     * snapshot and tracker threads); trackers should not report what those threads allocate.
     */
    boolean isOwnThread(long javaThreadId);

    /** Writes one line for the user on standard error, prefixed with {@code memray: }. */
    void warn(String message);
}
