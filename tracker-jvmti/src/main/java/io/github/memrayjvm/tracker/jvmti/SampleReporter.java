package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.tracker.AllocationSink;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Turns what the native sampler hands over at a drain (new methods, stacks and threads, by the
 * sampler's own indices, and changed counters) into calls on the {@link AllocationSink}: it
 * interns each method as a location and each stack once, remembers each thread's Java id, and
 * reports counters of memray's own threads nowhere.
 *
 * <p>Not thread-safe: used by one drain at a time. Holds threads weakly.
 */
final class SampleReporter {

    /** Values per counter in a drained array (see {@link NativeSampler#drainCells()}). */
    static final int CELL_VALUES = 6;

    private static final class ThreadEntry {
        final long id;
        final boolean own;
        final WeakReference<Thread> thread;
        String name;
        long reportedIn = -1;

        ThreadEntry(long id, boolean own, Thread thread) {
            this.id = id;
            this.own = own;
            this.thread = new WeakReference<>(thread);
        }
    }

    private final AllocationSink sink;
    private final LongPredicate ownThread;
    private int[] locationOfMethod = new int[256];
    private int methods;
    private int[] stackIdOfStack = new int[256];
    private int stacks;
    private final List<ThreadEntry> threads = new ArrayList<>();
    private long drains;
    private int noFramesLocation = -1;

    /**
     * @param sink      where to report
     * @param ownThread {@code true} for the Java thread ids of memray's own threads
     */
    SampleReporter(AllocationSink sink, LongPredicate ownThread) {
        this.sink = sink;
        this.ownThread = ownThread;
    }

    int methodCount() {
        return methods;
    }

    int stackCount() {
        return stacks;
    }

    int threadCount() {
        return threads.size();
    }

    /** Interns methods given as (class, method, source file) triples, in the sampler's order. */
    void addMethods(String[] triples) {
        for (int i = 0; i + 2 < triples.length; i += 3) {
            if (methods == locationOfMethod.length) {
                locationOfMethod = Arrays.copyOf(locationOfMethod, methods * 2);
            }
            locationOfMethod[methods++] = sink.location(triples[i] + "." + triples[i + 1],
                    triples[i + 2], Domain.JAVA);
        }
    }

    /** Interns stacks given as depth followed by method indices, in the sampler's order. */
    void addStacks(int[] encoded) {
        int at = 0;
        while (at < encoded.length) {
            int depth = encoded[at++];
            int[] locations = depth > 0 ? new int[depth] : new int[] {noFrames()};
            for (int i = 0; i < depth; i++) {
                locations[i] = locationOfMethod[encoded[at++]];
            }
            if (stacks == stackIdOfStack.length) {
                stackIdOfStack = Arrays.copyOf(stackIdOfStack, stacks * 2);
            }
            stackIdOfStack[stacks++] = sink.stack(locations);
        }
    }

    /** The location of samples taken where the thread had no Java frame. */
    private int noFrames() {
        if (noFramesLocation < 0) {
            noFramesLocation = sink.location("(no Java frames)", "", Domain.OTHER);
        }
        return noFramesLocation;
    }

    /**
     * Remembers threads in the sampler's order (an unknown thread is treated as memray's own)
     * and returns the sampler indices of memray's own threads among them.
     */
    int[] addThreads(Thread[] newThreads) {
        int[] own = new int[newThreads.length];
        int owned = 0;
        for (Thread thread : newThreads) {
            boolean isOwn = thread == null || ownThread.test(thread.getId());
            ThreadEntry entry = new ThreadEntry(thread == null ? -1 : thread.getId(), isOwn, thread);
            if (isOwn) {
                own[owned++] = threads.size();
            }
            threads.add(entry);
        }
        return Arrays.copyOf(own, owned);
    }

    /** Reports drained counters (see {@link NativeSampler#drainCells()}). */
    void report(long[] cells) {
        drains++;
        for (int i = 0; i + CELL_VALUES - 1 < cells.length; i += CELL_VALUES) {
            ThreadEntry thread = threads.get((int) cells[i]);
            if (thread.own) {
                continue;
            }
            name(thread);
            int stack = stackIdOfStack[(int) cells[i + 1]];
            if (cells[i + 2] != 0 || cells[i + 3] != 0) {
                sink.allocated(thread.id, stack, cells[i + 2], cells[i + 3]);
            }
            if (cells[i + 4] != 0 || cells[i + 5] != 0) {
                sink.freed(thread.id, stack, cells[i + 4], cells[i + 5]);
            }
        }
    }

    /** Names a thread the first time it reports in a drain, if its name is new. */
    private void name(ThreadEntry entry) {
        if (entry.reportedIn == drains) {
            return;
        }
        entry.reportedIn = drains;
        Thread thread = entry.thread.get();
        String name = thread != null ? thread.getName() : entry.name;
        if (name == null) {
            name = "thread-" + entry.id;
        }
        if (!name.equals(entry.name)) {
            entry.name = name;
            sink.thread(entry.id, name);
        }
    }
}
