package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running native tracker. {@link #start()} enables the preloaded library (memory allocated
 * before that is not counted, and its frees are ignored); every {@link #flush()} drains the
 * library's per-(thread, stack) deltas, names new stacks and threads, reports the deltas and
 * publishes the {@code native} gauge (live bytes, peak).
 *
 * <p>Threading: start, flush and close come from memray's threads one at a time (the contract of
 * {@link Tracker}); everything here runs on them.
 */
final class NativeTracker implements Tracker {

    /** Java thread names are read again after this many flushes (renames). */
    private static final int RENAME_CHECK_FLUSHES = 16;

    private final TrackerContext context;
    private final AllocationSink sink;
    private final NativeOptions options;
    private final Supplier<NativeSource> opener;
    private final TrackerDescriptor descriptor;
    private final Map<Long, String> reportedNames = new HashMap<>();
    private NativeSource source;
    private Symbolizer symbolizer;
    private ThreadDirectory threads;
    private JavaThreads javaThreads;
    private int[] sinkStacks = new int[1024];
    private int flushes;
    private boolean running;

    NativeTracker(TrackerContext context, NativeOptions options, Supplier<NativeSource> opener) {
        this.context = context;
        this.sink = context.sink();
        this.options = options;
        this.opener = opener;
        boolean sampled = options.samplingInterval() > 0;
        this.descriptor = new TrackerDescriptor("native", Memory.NATIVE, Figures.LIVE, sampled, true,
                "native", sampled
                ? "malloc-family blocks not yet freed, sampled every "
                        + options.samplingInterval() + " bytes on average and scaled"
                : "malloc-family blocks not yet freed, every allocation (exact)");
    }

    @Override
    public TrackerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void start() {
        source = opener.get();
        if (!source.interposing()) {
            throw new MemrayException("the native tracker's library is loaded but does not see"
                    + " malloc: it must be preloaded (LD_PRELOAD) when the JVM starts");
        }
        symbolizer = new Symbolizer(source, ElfSymbols::read);
        threads = new ThreadDirectory(JavaThreads::osName);
        javaThreads = new JavaThreads();
        @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
        long current = Thread.currentThread().getId();
        int result = source.enable(options.samplingInterval(), options.javaFrames(), current);
        if (result < 0) {
            throw new MemrayException("the native tracker could not reserve its tables");
        }
        if (result == 1) {
            context.warn("native: Java frames are not available in this JVM; native frames only");
        }
        running = true;
    }

    @Override
    public void flush() {
        if (!running) {
            return;
        }
        // Cells first: every stack a drained cell refers to was interned before the cell was
        // made, so the stacks drained next include it.
        long[] cells = source.drainCells();
        drainStacks();
        drainThreads();
        reportCells(cells);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            context.warn("native: last flush failed: " + e);
        } finally {
            running = false;
            source.disable();
        }
    }

    private void drainStacks() {
        long[] stacks = source.drainStacks();
        for (int i = 0; i < stacks.length; ) {
            int id = (int) stacks[i];
            int length = (int) stacks[i + 1];
            int[] locations = new int[Math.max(length, 1)];
            if (length == 0) {
                locations[0] = location(Symbolizer.NO_FRAMES);
            }
            for (int f = 0; f < length; f++) {
                locations[f] = location(symbolizer.locate(stacks[i + 2 + f]));
            }
            if (id >= sinkStacks.length) {
                sinkStacks = java.util.Arrays.copyOf(sinkStacks, Math.max(id + 1, sinkStacks.length * 2));
            }
            sinkStacks[id] = sink.stack(locations) + 1;
            i += 2 + length;
        }
    }

    private int location(Location location) {
        return sink.location(location.function(), location.file(), location.domain());
    }

    private int sinkStack(int id) {
        if (id == 0 || id >= sinkStacks.length || sinkStacks[id] == 0) {
            return sink.stack(new int[] {location(Symbolizer.UNKNOWN_STACK)});
        }
        return sinkStacks[id] - 1;
    }

    private void drainThreads() {
        long[] records = source.drainThreads();
        for (int i = 0; i + 3 < records.length; i += 4) {
            threads.update((int) records[i], (int) records[i + 1], records[i + 2], records[i + 3] != 0);
        }
        flushes++;
        if (threads.needsJavaThreads() || flushes % RENAME_CHECK_FLUSHES == 0) {
            threads.resolve(javaThreads.snapshot());
        }
    }

    private void reportCells(long[] cells) {
        long live = cells[0];
        long peak = cells[1];
        long ownLive = cells[3];
        for (int i = 5; i + 6 <= cells.length; i += 6) {
            report(cells, i);
        }
        long current = Math.max(0, live - ownLive);
        sink.gauge(current, Math.max(current, peak - ownLive));
    }

    private void report(long[] cells, int i) {
        int serial = (int) cells[i];
        ThreadDirectory.Identity thread = threads.identity(serial);
        if (thread == null) {
            thread = new ThreadDirectory.Identity(ThreadDirectory.OVERFLOW_ID, "other threads");
        }
        if (threads.ignored(serial)) {
            return;
        }
        if (thread.id() > 0 && context.isOwnThread(thread.id())) {
            source.ignoreThread(serial);
            return;
        }
        if (!thread.name().equals(reportedNames.get(thread.id()))) {
            reportedNames.put(thread.id(), thread.name());
            sink.thread(thread.id(), thread.name());
        }
        int stack = sinkStack((int) cells[i + 1]);
        if (cells[i + 2] != 0 || cells[i + 3] != 0) {
            sink.allocated(thread.id(), stack, cells[i + 2], cells[i + 3]);
        }
        if (cells[i + 4] != 0 || cells[i + 5] != 0) {
            sink.freed(thread.id(), stack, cells[i + 4], cells[i + 5]);
        }
    }
}
