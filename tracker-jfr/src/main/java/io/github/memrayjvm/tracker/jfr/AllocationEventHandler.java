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
 * Handles the events of the stream: resolves the thread (skipping memray's and JFR's own),
 * interns the stack, and passes the figures to {@link AllocationAccounting}.
 *
 * <p>Per event it does a few field reads and identity-map lookups; threads, stacks and methods
 * are resolved once per chunk of the recording. A thread's state is dropped when it ends.
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
    private final StackInterner stacks;
    private final AllocationAccounting accounting;
    private final Map<Long, ThreadTally> threadsById = new HashMap<>();
    private final Map<RecordedThread, ThreadTally> threadsByRecord = new IdentityHashMap<>();
    private final CountDownLatch begun = new CountDownLatch(1);
    private volatile Map<Long, Long> baselines = Map.of();
    private boolean begunSeen;
    private final Object lock = new Object();
    private boolean closed;

    AllocationEventHandler(TrackerContext context) {
        this.context = context;
        AllocationSink sink = context.sink();
        this.stacks = new StackInterner(sink);
        this.accounting = new AllocationAccounting(sink, stacks::unsampledStackId);
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
            ThreadTally thread = thread(event.getThread());
            if (thread != null) {
                accounting.sample(thread, stacks.stackId(event.getStackTrace()),
                        classId(event.getClass("objectClass")), event.getLong("weight"));
            }
        }
    }

    /** A {@code jdk.ObjectAllocationInNewTLAB}. */
    void onNewTlab(RecordedEvent event) {
        awaitBegin();
        synchronized (lock) {
            ThreadTally thread = thread(event.getThread());
            if (thread != null) {
                accounting.newTlab(thread, classId(event.getClass("objectClass")),
                        event.getLong("allocationSize"), event.getLong("tlabSize"));
            }
        }
    }

    /** A {@code jdk.ObjectAllocationOutsideTLAB}. */
    void onOutsideTlab(RecordedEvent event) {
        awaitBegin();
        synchronized (lock) {
            ThreadTally thread = thread(event.getThread());
            if (thread != null) {
                accounting.outsideTlab(thread, classId(event.getClass("objectClass")),
                        event.getLong("allocationSize"));
            }
        }
    }

    /** A {@code jdk.ThreadEnd}: the thread's remaining bytes are reported, its state dropped. */
    void onThreadEnd(RecordedEvent event) {
        awaitBegin();
        synchronized (lock) {
            RecordedThread recorded = event.getThread("thread");
            if (closed || recorded == null) {
                return;
            }
            ThreadTally thread = threadsById.remove(recorded.getJavaThreadId());
            threadsByRecord.remove(recorded);
            if (thread != null && !thread.ignored) {
                accounting.finish(thread);
            }
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
     * Reports what is still waiting, and each live thread's bytes since its last sample, and
     * stops reporting: after this returns, nothing reaches the sink. Idempotent.
     */
    void close() {
        begun.countDown();
        synchronized (lock) {
            if (!closed) {
                closed = true;
                for (ThreadTally thread : threadsById.values()) {
                    if (!thread.ignored) {
                        accounting.finish(thread);
                    }
                }
                accounting.endOfBatch();
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

    /** The thread's state, or {@code null} when its allocations are not to be reported. */
    private ThreadTally thread(RecordedThread recorded) {
        if (closed || recorded == null) {
            return null;
        }
        ThreadTally tally = threadsByRecord.get(recorded);
        if (tally == null) {
            tally = resolve(recorded);
            if (tally == null) {
                return null;
            }
            if (threadsByRecord.size() >= StackInterner.MAX_CACHED) {
                threadsByRecord.clear();
            }
            threadsByRecord.put(recorded, tally);
        }
        return tally.ignored ? null : tally;
    }

    private ThreadTally resolve(RecordedThread recorded) {
        long id = recorded.getJavaThreadId();
        if (id < 0) {
            return null;
        }
        String name = recorded.getJavaName();
        if (name == null) {
            name = "thread " + id;
        }
        ThreadTally tally = threadsById.get(id);
        if (tally == null) {
            boolean ignored = context.isOwnThread(id) || name.startsWith(JFR_THREAD_PREFIX);
            tally = new ThreadTally(id, name, ignored, baselines.getOrDefault(id, 0L));
            threadsById.put(id, tally);
        } else {
            tally.name = name;
        }
        return tally;
    }

    private static long classId(RecordedClass type) {
        return type == null ? 0 : type.getId();
    }
}
