package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up but plausible session, built from the same messages a tracked program sends: a shop
 * program with a {@code jfr} table (allocated, estimate) and a {@code native} table (live, with
 * frees), three threads, and the gauges {@code heap} and {@code native}.
 */
public final class ShopSession {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long MAIN = 1;
    public static final long WORKER_1 = 21;
    public static final long WORKER_2 = 22;
    public static final int JFR = 0;
    public static final int NATIVE = 1;

    public static final TrackerDescriptor JFR_TRACKER = new TrackerDescriptor("jfr",
            Memory.JAVA_HEAP, Figures.ALLOCATED, true, false, "",
            "JFR allocation samples, scaled by weight");
    public static final TrackerDescriptor NATIVE_TRACKER = new TrackerDescriptor("native",
            Memory.NATIVE, Figures.LIVE, false, true, "native", "malloc and free, by native stack");

    public static final SessionInfo INFO = new SessionInfo(4242,
            "java -Xmx512m -cp shop.jar com.example.shop.Main --orders 1000", "21.0.5",
            1_736_856_000_000L, 250, List.of(JFR_TRACKER, NATIVE_TRACKER),
            List.of(SessionInfo.HEAP_GAUGE, "native"));

    /** One tracker only (jfr) and only the heap gauge. */
    public static final SessionInfo JFR_ONLY_INFO = new SessionInfo(4242, INFO.command(),
            "21.0.5", INFO.startEpochMillis(), 250, List.of(JFR_TRACKER),
            List.of(SessionInfo.HEAP_GAUGE));

    private static final List<Location> LOCATIONS = List.of(
            Location.java("com.example.shop.Main", "main", "Main.java"),                    // 0
            Location.java("com.example.shop.OrderService", "process", "OrderService.java"), // 1
            Location.java("com.example.shop.OrderService", "parse", "OrderService.java"),   // 2
            Location.java("com.fasterxml.jackson.databind.ObjectMapper", "readValue",
                    "ObjectMapper.java"),                                                   // 3
            Location.java("java.util.ArrayList", "grow", "ArrayList.java"),                 // 4
            Location.java("java.lang.AbstractStringBuilder", "ensureCapacityInternal",
                    "AbstractStringBuilder.java"),                                          // 5
            Location.java("com.example.shop.cache.PriceCache", "put", "PriceCache.java"),   // 6
            Location.java("java.util.HashMap", "resize", "HashMap.java"),                   // 7
            Location.java("com.example.shop.Worker", "run", "Worker.java"),                 // 8
            Location.java("java.lang.Thread", "run", "Thread.java"),                        // 9
            Location.java("com.example.shop.report.ReportWriter", "write",
                    "ReportWriter.java"),                                                   // 10
            Location.java("java.util.Arrays", "copyOf", "Arrays.java"),                     // 11
            new Location("malloc", "/usr/lib/x86_64-linux-gnu/libc.so.6", Domain.NATIVE),   // 12
            new Location("deflateInit2_", "/usr/lib/x86_64-linux-gnu/libz.so.1",
                    Domain.NATIVE),                                                         // 13
            Location.java("java.util.zip.Deflater", "init", "Deflater.java"),               // 14
            new Location("Unsafe_AllocateMemory0", "libjvm.so", Domain.NATIVE),             // 15
            Location.java("java.nio.ByteBuffer", "allocateDirect", "ByteBuffer.java"));     // 16

    private static final List<int[]> STACKS = List.of(
            new int[] {4, 1, 0},                 // 0 ArrayList.grow <- process <- main
            new int[] {3, 2, 1, 0},              // 1 readValue <- parse <- process <- main
            new int[] {7, 6, 1, 0},              // 2 HashMap.resize <- PriceCache.put <- process
            new int[] {11, 5, 10, 8, 9},         // 3 Arrays.copyOf <- ... <- ReportWriter.write
            new int[] {7, 6, 8, 9},              // 4 HashMap.resize <- PriceCache.put <- Worker
            new int[] {4, 8, 9},                 // 5 ArrayList.grow <- Worker.run
            new int[] {2, 2, 1, 0},              // 6 parse, recursive
            new int[] {12, 13, 14, 10, 8, 9},    // 7 malloc <- deflateInit2_ <- Deflater.init
            new int[] {12, 15, 16, 6, 1, 0});    // 8 malloc <- Unsafe <- allocateDirect <- put

    private ShopSession() {
    }

    /** The whole session as snapshots (lists of messages, each ending with its Sample). */
    public static List<List<Message>> snapshots(int count) {
        List<List<Message>> snapshots = new ArrayList<>();
        long peakHeap = 0;
        long peakNative = 0;
        for (int n = 1; n <= count; n++) {
            List<Message> messages = new ArrayList<>();
            if (n == 1) {
                messages.add(definitions());
            }
            messages.add(new Counters(JFR, false, jfrDelta()));
            messages.add(new Counters(NATIVE, false, nativeDelta()));
            long heap = heap(n);
            long nativeBytes = nativeBytes(n);
            peakHeap = Math.max(peakHeap, heap);
            peakNative = Math.max(peakNative, nativeBytes);
            messages.add(new Sample(n, n * 250L, List.of(new HistoryPoint(n, n * 250L,
                    new long[] {heap, nativeBytes})), new long[] {peakHeap, peakNative}, 0));
            snapshots.add(messages);
        }
        return snapshots;
    }

    /** The locations, stacks and threads, as the first snapshot defines them. */
    public static Definitions definitions() {
        return new Definitions(0, LOCATIONS, 0, STACKS, List.of(new ThreadInfo(MAIN, "main"),
                new ThreadInfo(WORKER_1, "worker-1"), new ThreadInfo(WORKER_2, "worker-2")));
    }

    /** The heap gauge: a saw-tooth (collections) on a slowly rising floor. */
    static long heap(int n) {
        return 40 * MIB + (n % 16) * 9 * MIB + n * MIB / 2;
    }

    static long nativeBytes(int n) {
        return 6 * MIB + Math.min(n, 40) * MIB / 4;
    }

    /** The state after {@code count} snapshots of the two-tracker session. */
    public static SessionState state(int count) {
        SessionState state = new SessionState(INFO);
        for (List<Message> snapshot : snapshots(count)) {
            apply(state, snapshot);
        }
        return state;
    }

    /** The state after {@code count} snapshots, then the program's end. */
    public static SessionState ended(int count) {
        SessionState state = state(count);
        apply(state, List.of(new End(count, "program exited")));
        return state;
    }

    /** Applies messages, failing the test on an inconsistent one. */
    public static void apply(SessionState state, List<Message> messages) {
        for (Message message : messages) {
            try {
                state.apply(message);
            } catch (WireFormatException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** What each snapshot adds to the jfr counters. */
    private static List<Counter> jfrDelta() {
        return List.of(
                allocated(MAIN, 0, 400 * KIB, 100),
                allocated(MAIN, 1, 1024 * KIB, 2_500),
                allocated(MAIN, 2, 200 * KIB, 16),
                allocated(MAIN, 6, 64 * KIB, 333),
                allocated(WORKER_1, 3, 512 * KIB, 13),
                allocated(WORKER_1, 4, 128 * KIB, 7),
                allocated(WORKER_1, 5, 32 * KIB, 8),
                allocated(WORKER_2, 3, 256 * KIB, 8),
                allocated(WORKER_2, 4, 64 * KIB, 4));
    }

    private static Counter allocated(long thread, int stack, long bytes, long allocations) {
        return new Counter(thread, stack, bytes, allocations, 0, 0);
    }

    /** What each snapshot adds to the native counters (with frees). */
    private static List<Counter> nativeDelta() {
        return List.of(
                new Counter(WORKER_1, 7, 100 * KIB, 3, 32 * KIB, 1),
                new Counter(MAIN, 8, 48 * KIB, 1, 0, 0));
    }
}
