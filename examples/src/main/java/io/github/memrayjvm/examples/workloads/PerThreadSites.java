package io.github.memrayjvm.examples.workloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload with known shares where each thread allocates at its own site, with very different
 * sizes: {@code large-site} 512 KiB arrays (50% of the bytes), {@code mid-site} 4 KiB arrays
 * (35%), {@code tiny-site} 32-byte arrays (15%), paced to a fixed total rate.
 *
 * <p>Run as a program ({@code PerThreadSites [seconds] [MB/s]}) it prints the truth as one JSON
 * line on standard output when done.
 */
public final class PerThreadSites {

    /** The target shares, in percent, of large, mid and tiny. */
    public static final double LARGE_SHARE = 50;
    public static final double MID_SHARE = 35;
    public static final double TINY_SHARE = 15;

    private PerThreadSites() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        long mbPerSecond = args.length > 1 ? Long.parseLong(args[1]) : 100;
        System.out.println(run(Duration.ofSeconds(seconds), mbPerSecond * 1_000_000).toJson());
    }

    /** Runs the three threads for {@code duration} and returns what they allocated. */
    public static Truth run(Duration duration, long bytesPerSecond) throws InterruptedException {
        Truth truth = new Truth("per-thread");
        List<Thread> threads = new ArrayList<>();
        threads.add(site("large-site", Sites.LARGE, Sites::large,
                Sites.byteArraySize(Sites.LARGE_ELEMENTS), bytesPerSecond * LARGE_SHARE / 100,
                duration, truth));
        threads.add(site("mid-site", Sites.MID, Sites::mid,
                Sites.byteArraySize(Sites.MID_ELEMENTS), bytesPerSecond * MID_SHARE / 100,
                duration, truth));
        threads.add(site("tiny-site", Sites.TINY, Sites::tiny,
                Sites.byteArraySize(Sites.TINY_ELEMENTS), bytesPerSecond * TINY_SHARE / 100,
                duration, truth));
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return truth;
    }

    private static Thread site(String name, String function, Runnable allocate, long size,
                               double rate, Duration duration, Truth truth) {
        return new Thread(() -> {
            Pacer pacer = new Pacer((long) rate);
            long end = duration.toNanos();
            long allocated = 0;
            while (pacer.elapsedNanos() < end) {
                for (int i = 0; i < 16; i++) {
                    allocate.run();
                    allocated += size;
                }
                pacer.pace(allocated);
            }
            truth.add(function, allocated);
        }, name);
    }
}
