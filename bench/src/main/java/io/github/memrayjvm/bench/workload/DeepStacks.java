package io.github.memrayjvm.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Row 1's per-sample program: {@code THREADS} threads each call down {@code DEPTH} frames of one
 * method, then allocate {@code ROUNDS} small arrays there, so that every heap sample is taken
 * that far down the stack (a stack capture costs by the frame). When done it prints
 * {@code {"workload":"deep-stacks","millis":N}}.
 *
 * <p>{@code DeepStacks THREADS DEPTH ROUNDS}
 */
public final class DeepStacks {

    private static volatile Object sink;

    private DeepStacks() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int depth = Integer.parseInt(args[1]);
        long rounds = Long.parseLong(args[2]);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> down(depth, rounds), "deep-stacks-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("{\"workload\":\"deep-stacks\",\"millis\":"
                + (System.nanoTime() - start) / 1_000_000 + "}");
    }

    private static long down(int depth, long rounds) {
        return depth > 0 ? down(depth - 1, rounds) + 1 : allocate(rounds);
    }

    private static long allocate(long rounds) {
        long bytes = 0;
        for (long i = 0; i < rounds; i++) {
            byte[] array = new byte[64 + (int) (i & 63)];
            sink = array;
            bytes += array.length;
        }
        return bytes;
    }
}
