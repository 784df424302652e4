package io.github.memrayjvm.examples.workloads;

import java.time.Duration;

/**
 * A workload with known shares where one thread ({@code interleaved}) interleaves the three sites
 * in one loop: per round one 512 KiB array (about 50% of the bytes), 89 arrays of 4 KiB (35%)
 * and 4915 arrays of 32 bytes (15%). Sampling that credits a TLAB refill to whichever allocation
 * triggered it is badly biased here; this workload measures by how much.
 *
 * <p>Run as a program ({@code InterleavedSites [seconds] [MB/s]}) it prints the truth as one JSON
 * line on standard output when done.
 */
public final class InterleavedSites {

    static final int MID_PER_ROUND = 89;
    static final int TINY_PER_ROUND = 4915;

    private InterleavedSites() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        long mbPerSecond = args.length > 1 ? Long.parseLong(args[1]) : 100;
        System.out.println(run(Duration.ofSeconds(seconds), mbPerSecond * 1_000_000).toJson());
    }

    /** Runs the loop for {@code duration} on a new thread and returns what it allocated. */
    public static Truth run(Duration duration, long bytesPerSecond) throws InterruptedException {
        Truth truth = new Truth("interleaved");
        Thread thread = new Thread(() -> loop(duration, bytesPerSecond, truth), "interleaved");
        thread.start();
        thread.join();
        return truth;
    }

    private static void loop(Duration duration, long bytesPerSecond, Truth truth) {
        long large = Sites.byteArraySize(Sites.LARGE_ELEMENTS);
        long mid = Sites.byteArraySize(Sites.MID_ELEMENTS);
        long tiny = Sites.byteArraySize(Sites.TINY_ELEMENTS);
        Pacer pacer = new Pacer(bytesPerSecond);
        long rounds = 0;
        long end = duration.toNanos();
        while (pacer.elapsedNanos() < end) {
            Sites.large();
            for (int i = 0; i < MID_PER_ROUND; i++) {
                Sites.mid();
                for (int j = 0; j < TINY_PER_ROUND / MID_PER_ROUND; j++) {
                    Sites.tiny();
                }
            }
            for (int j = 0; j < TINY_PER_ROUND % MID_PER_ROUND; j++) {
                Sites.tiny();
            }
            rounds++;
            pacer.pace(rounds * (large + MID_PER_ROUND * mid + TINY_PER_ROUND * tiny));
        }
        truth.add(Sites.LARGE, rounds * large);
        truth.add(Sites.MID, rounds * MID_PER_ROUND * mid);
        truth.add(Sites.TINY, rounds * TINY_PER_ROUND * tiny);
    }
}
