package io.github.memrayjvm.examples.workloads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed amount of allocation-heavy work, as fast as it goes, for overhead measurements
 * (tracked against untracked wall time): each of {@code threads} threads runs {@code rounds}
 * rounds of building and dropping a list of boxed numbers, a small map with a string key and a
 * byte array of 16 to 1039 bytes (about 2.5 KiB and 70 objects per round).
 *
 * <p>Run as a program ({@code AllocationHeavy [threads] [rounds]}) it prints one JSON line with
 * the wall time of the work, in milliseconds.
 */
public final class AllocationHeavy {

    /** Defeats dead-code elimination; written by every round. */
    private static volatile long sink;

    private AllocationHeavy() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long rounds = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        long nanos = run(threads, rounds);
        System.out.println("{\"workload\":\"allocation-heavy\",\"threads\":" + threads
                + ",\"rounds\":" + rounds + ",\"millis\":" + nanos / 1_000_000 + "}");
    }

    /** Runs the work on {@code threads} new threads and returns its wall time in nanoseconds. */
    public static long run(int threads, long rounds) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> work(rounds), "allocation-heavy-" + t));
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - start;
    }

    private static void work(long rounds) {
        long checksum = 0;
        for (long r = 0; r < rounds; r++) {
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                numbers.add((int) (r * 64 + i + 1024));
            }
            Map<String, Integer> map = new HashMap<>();
            map.put("key-" + r, numbers.size());
            byte[] bytes = new byte[16 + (int) (r & 1023)];
            checksum += numbers.get((int) (r & 63)) + map.size() + bytes.length;
        }
        sink = checksum;
    }
}
