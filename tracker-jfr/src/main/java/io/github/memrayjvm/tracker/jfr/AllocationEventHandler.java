package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.TrackerContext;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Handles the allocation events of the stream: resolves the thread (skipping memray's and JFR's
 * own, naming the others), interns the stack, and passes the figures to
 * {@link AllocationAccounting}.
 *
 * <p>Per event it does a few field reads and identity-map lookups; threads, stacks and methods
 * are resolved once per chunk of the recording.
 *
 * <p>Threading: the event methods run on the stream's thread; {@link #begin} and
 * {@link #close()} on the thread starting or closing the tracker. Events wait for
 * {@code begin} (which follows the start of the recording by a few milliseconds), and one lock
 * orders the rest, so that nothing reaches the sink after {@code close()} returns.
 */
final class AllocationEventHandler {

    /** Prefix of the names of JFR's own threads (recorder, periodic tasks, scheduler, hook). */
    static final String JFR_THREAD_PREFIX = "JFR ";

    private final TrackerContext context;
    private final AllocationSink sink;
    private final CountDownLatch begun = new CountDownLatch(1);
    private volatile Map<Long, Long> baselines = Map.of();
    private boolean begunSeen;
    private final StackInterner stacks;
    private final AllocationAccounting accounting;
    private final Map<Long, ThreadTally> threadsById = new HashMap<>();
    private final Map<RecordedThread, ThreadTally> threadsByRecord = new IdentityHashMap<>();
    private final Object lock = new Object();
    private boolean closed;

    AllocationEventHandler(TrackerContext context) {
        this.context = context;
        this.sink = context.sink();
        this.stacks = new StackInterner(sink);
        this.accounting = new AllocationAccounting(sink);
    }

    /**
     * Lets events through, once the recording runs.
     *
     * @param threadBaselines bytes each thread had allocated when tracking started, by Java
     *                        thread id (see {@link ThreadAllocationBaseline}); may be empty
     */
    void begin(Map<Long, Long> threadBaselines) {
        baselines = threadBaselines;
        begun.countDown();
    }

    /** A {@code jdk.ObjectAllocationSample}. */
    void onSample(RecordedEvent event) {
        awaitBegin();
        synchronized (lock) {
            if (closed) {
                return;
            }
            ThreadTally thread = thread(event.getThread());
            if (thread == null || thread.ignored) {
                return;
            }
            accounting.sample(thread, stacks.stackId(event.getStackTrace()),
                    classId(event.getClass("objectClass")), event.getLong("weight"));
        }
    }

    /** A {@code jdk.ObjectAllocationInNewTLAB} or {@code jdk.ObjectAllocationOutsideTLAB}. */
    void onObjectAllocated(RecordedEvent event) {
        awaitBegin();
        synchronized (lock) {
            if (closed) {
                return;
            }
            // Only threads with a waiting sample matter, and those were seen in this chunk.
            ThreadTally thread = threadsByRecord.get(event.getThread());
            if (thread == null || !thread.pending) {
                return;
            }
            accounting.objectAllocated(thread, classId(event.getClass("objectClass")),
                    event.getLong("allocationSize"));
        }
    }

    /** The stream has delivered everything JFR flushed so far. */
    void onBatchEnd() {
        synchronized (lock) {
            if (!closed) {
                accounting.endOfBatch();
            }
        }
    }

    /** A new chunk (or new metadata) begins: objects of the previous chunk are not seen again. */
    void onNewChunk() {
        synchronized (lock) {
            stacks.forget();
            threadsByRecord.clear();
        }
    }

    /**
     * Reports what is still waiting and stops reporting: after this returns, nothing reaches
     * the sink. Idempotent.
     */
    void close() {
        begun.countDown();
        synchronized (lock) {
            if (!closed) {
                accounting.endOfBatch();
                closed = true;
            }
        }
    }

    private void awaitBegin() {
        if (begunSeen) {
            return;
        }
        try {
            begun.await();
            begunSeen = true;
        } catch (InterruptedException e) {
            // Closing wakes the stream; the lock and the closed flag decide what is reported.
            Thread.currentThread().interrupt();
        }
    }

    private ThreadTally thread(RecordedThread recorded) {
        if (recorded == null) {
            return null;
        }
        ThreadTally tally = threadsByRecord.get(recorded);
        if (tally != null) {
            return tally;
        }
        long id = recorded.getJavaThreadId();
        if (id < 0) {
            return null;
        }
        String name = recorded.getJavaName();
        if (name == null) {
            name = "thread " + id;
        }
        tally = threadsById.get(id);
        if (tally == null) {
            boolean ignored = context.isOwnThread(id) || name.startsWith(JFR_THREAD_PREFIX);
            tally = new ThreadTally(id, ignored, baselines.getOrDefault(id, 0L));
            threadsById.put(id, tally);
        }
        if (!tally.ignored && !name.equals(tally.reportedName)) {
            sink.thread(id, name);
            tally.reportedName = name;
        }
        if (threadsByRecord.size() >= StackInterner.MAX_CACHED) {
            threadsByRecord.clear();
        }
        threadsByRecord.put(recorded, tally);
        return tally;
    }

    private static long classId(RecordedClass type) {
        return type == null ? 0 : type.getId();
    }
}
