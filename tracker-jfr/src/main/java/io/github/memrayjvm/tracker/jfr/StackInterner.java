package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.tracker.AllocationSink;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Interns JFR stack traces with the sink and remembers the ids.
 *
 * <p>Within a chunk of the recording, the JFR parser hands out one {@link RecordedStackTrace}
 * and one {@link RecordedMethod} object per distinct stack and method, so ids are cached by the
 * identity of those objects: a repeated stack costs one identity lookup. The caches are dropped
 * when a new chunk begins ({@link #forget()}) and whenever they grow past
 * {@link #MAX_CACHED} entries, so they hold no more than a bounded number of old objects.
 *
 * <p>A location is a method ({@code pkg.Class.method}, its line numbers merged) in its derived
 * source file (see {@link SourceFiles}); stacks are innermost frame first, as deep as JFR
 * recorded them ({@code -XX:FlightRecorderOptions:stackdepth}, 64 frames by default).
 *
 * <p>Threading: not thread-safe; confined to the thread that handles events.
 */
final class StackInterner {

    /** Cached stacks (and, separately, methods) beyond which a cache is emptied. */
    static final int MAX_CACHED = 16_384;
    /** The function of the location used when an event has no stack trace. */
    static final String UNKNOWN_STACK = "(no stack trace)";
    /** The function of the location of what a thread allocated while JFR sampled none of it. */
    static final String UNSAMPLED = "(not sampled)";

    private final AllocationSink sink;
    private final Map<RecordedStackTrace, Integer> stackIds = new IdentityHashMap<>();
    private final Map<RecordedMethod, Integer> locationIds = new IdentityHashMap<>();
    private int unknownStackId = -1;
    private int unsampledStackId = -1;

    StackInterner(AllocationSink sink) {
        this.sink = sink;
    }

    /** The sink's id of {@code trace}, interning it the first time; {@code trace} may be null. */
    int stackId(RecordedStackTrace trace) {
        if (trace == null) {
            return unknownStackId();
        }
        Integer cached = stackIds.get(trace);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> frames = trace.getFrames();
        int[] ids = new int[frames.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = locationId(frames.get(i).getMethod());
        }
        int id = ids.length == 0 ? unknownStackId() : sink.stack(ids);
        if (stackIds.size() >= MAX_CACHED) {
            stackIds.clear();
        }
        stackIds.put(trace, id);
        return id;
    }

    /** Drops the cached ids (the sink keeps them; they are interned again on next use). */
    void forget() {
        stackIds.clear();
        locationIds.clear();
    }

    private int locationId(RecordedMethod method) {
        Integer cached = locationIds.get(method);
        if (cached != null) {
            return cached;
        }
        String className = method.getType().getName();
        int id = sink.location(className + "." + method.getName(),
                SourceFiles.derivedFrom(className), Domain.JAVA);
        if (locationIds.size() >= MAX_CACHED) {
            locationIds.clear();
        }
        locationIds.put(method, id);
        return id;
    }

    /** The id of the stack of what a thread allocated while JFR sampled none of it. */
    int unsampledStackId() {
        if (unsampledStackId < 0) {
            int location = sink.location(UNSAMPLED, "", Domain.OTHER);
            unsampledStackId = sink.stack(new int[] {location});
        }
        return unsampledStackId;
    }

    private int unknownStackId() {
        if (unknownStackId < 0) {
            int location = sink.location(UNKNOWN_STACK, "", Domain.OTHER);
            unknownStackId = sink.stack(new int[] {location});
        }
        return unknownStackId;
    }
}
