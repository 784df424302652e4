package io.github.memrayjvm.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The scale benchmark's program: {@code THREADS} threads allocating 256-byte arrays through
 * {@code STACKS} distinct call paths (five levels of ten methods: up to 100,000), at a fixed
 * total rate, for a fixed time. When done it prints
 * {@code {"workload":"many-stacks","vmHwmKb":N,"heapAfterGcKb":M}}: the process's peak resident
 * memory, and the Java heap in use after a full GC (what the program, and a tracker in it,
 * still hold).
 *
 * <p>{@code ManyStacks THREADS STACKS SECONDS MB_PER_SECOND}
 */
public final class ManyStacks {

    private static final int DEPTH = 5;
    private static volatile Object sink;

    private ManyStacks() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int stacks = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        double bytesPerSecond = Double.parseDouble(args[3]) * 1e6;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        double perThread = bytesPerSecond / threads;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(new Thread(() -> work(first, threads, stacks, perThread, end),
                    "many-stacks-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapKb = (runtime.totalMemory() - runtime.freeMemory()) / 1024;
        System.out.println("{\"workload\":\"many-stacks\",\"vmHwmKb\":" + vmHwmKb()
                + ",\"heapAfterGcKb\":" + heapKb + "}");
    }

    private static void work(int first, int step, int stacks, double bytesPerSecond, long end) {
        long start = System.nanoTime();
        long allocated = 0;
        int code = first;
        while (System.nanoTime() < end) {
            path(DEPTH, code);
            allocated += 272;
            code += step;
            if (code >= stacks) {
                code = first;
            }
            long due = start + (long) (allocated / bytesPerSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, end - System.nanoTime()));
            }
        }
    }

    private static void path(int depth, int code) {
        if (depth == 0) {
            sink = new byte[256];
            return;
        }
        switch (code % 10) {
            case 0 -> m0(depth, code / 10);
            case 1 -> m1(depth, code / 10);
            case 2 -> m2(depth, code / 10);
            case 3 -> m3(depth, code / 10);
            case 4 -> m4(depth, code / 10);
            case 5 -> m5(depth, code / 10);
            case 6 -> m6(depth, code / 10);
            case 7 -> m7(depth, code / 10);
            case 8 -> m8(depth, code / 10);
            default -> m9(depth, code / 10);
        }
    }

    private static void m0(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m1(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m2(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m3(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m4(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m5(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m6(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m7(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m8(int depth, int code) {
        path(depth - 1, code);
    }

    private static void m9(int depth, int code) {
        path(depth - 1, code);
    }

    private static long vmHwmKb() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
