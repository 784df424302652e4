package io.github.memrayjvm.examples.workloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload with known live memory: one thread allocates, per round, one 4 KiB array at
 * {@code retain} (20% of the bytes), which it keeps, and four 4 KiB arrays at {@code drop}
 * (80%), which it lets go at once. When it is done it runs a full GC, so that afterwards the live
 * heap of {@code retain} is everything it allocated and that of {@code drop} about nothing (the
 * last array). What {@code retain} kept stays reachable from the returned {@link Outcome}
 * until the caller lets go of it.
 *
 * <p>Run as a program ({@code RetainedAndDropped [seconds] [MB/s]}) it prints the truth
 * (allocated and live bytes by site) as one JSON line on standard output when done.
 */
public final class RetainedAndDropped {

    /** Elements of every array: a 4 KiB array, 4112 bytes on the heap. */
    public static final int ELEMENTS = 4096;
    /** Arrays dropped per array retained. */
    public static final int DROPPED_PER_ROUND = 4;

    /** Function names as the table shows them. */
    public static final String RETAIN = RetainedAndDropped.class.getName() + ".retain";
    public static final String DROP = RetainedAndDropped.class.getName() + ".drop";

    private static volatile Object lastDropped;

    /** What a run allocated and what of it is still live, holding the live part. */
    public static final class Outcome {
        private final Truth allocated;
        private final List<byte[]> retained;
        private final long retainedBytes;

        Outcome(Truth allocated, List<byte[]> retained, long retainedBytes) {
            this.allocated = allocated;
            this.retained = retained;
            this.retainedBytes = retainedBytes;
        }

        /** Bytes allocated by site since the start. */
        public Truth allocated() {
            return allocated;
        }

        /** Bytes of {@code retain} still live (all it allocated, while this outcome is held). */
        public long retainedBytes() {
            return retainedBytes;
        }

        /** Bytes of {@code drop} still live after the final GC: at most one array. */
        public long droppedLiveBytes() {
            return Sites.byteArraySize(ELEMENTS);
        }

        /** How many arrays are retained. */
        public int retainedCount() {
            return retained.size();
        }

        /** One JSON line: allocated ({@code truth}) and live bytes by site. */
        public String toJson() {
            String allocatedJson = allocated.toJson();
            return allocatedJson.substring(0, allocatedJson.length() - 1) + ",\"live\":{\""
                    + RETAIN + "\":" + retainedBytes + ",\"" + DROP + "\":"
                    + droppedLiveBytes() + "}}";
        }
    }

    private RetainedAndDropped() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        long mbPerSecond = args.length > 1 ? Long.parseLong(args[1]) : 50;
        Outcome outcome = run(Duration.ofSeconds(seconds), mbPerSecond * 1_000_000);
        System.out.println(outcome.toJson());
    }

    /**
     * Runs the loop for {@code duration} on a new thread at {@code bytesPerSecond}, then a full
     * GC, and returns what it allocated and kept.
     */
    public static Outcome run(Duration duration, long bytesPerSecond) throws InterruptedException {
        Truth truth = new Truth("retained-and-dropped");
        List<byte[]> retained = new ArrayList<>();
        Thread thread = new Thread(() -> loop(duration, bytesPerSecond, truth, retained),
                "retained-and-dropped");
        thread.start();
        thread.join();
        System.gc();
        System.gc();
        long size = Sites.byteArraySize(ELEMENTS);
        return new Outcome(truth, retained, retained.size() * size);
    }

    private static void loop(Duration duration, long bytesPerSecond, Truth truth,
                             List<byte[]> retained) {
        long size = Sites.byteArraySize(ELEMENTS);
        Pacer pacer = new Pacer(bytesPerSecond);
        long rounds = 0;
        long end = duration.toNanos();
        while (pacer.elapsedNanos() < end) {
            retained.add(retain());
            for (int i = 0; i < DROPPED_PER_ROUND; i++) {
                lastDropped = drop();
            }
            rounds++;
            pacer.pace(rounds * (1 + DROPPED_PER_ROUND) * size);
        }
        truth.add(RETAIN, rounds * size);
        truth.add(DROP, rounds * DROPPED_PER_ROUND * size);
    }

    static byte[] retain() {
        return new byte[ELEMENTS];
    }

    static Object drop() {
        return new byte[ELEMENTS];
    }
}
