package io.github.memrayjvm.cli.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A program for the reliability tests, ending the way its first argument says:
 * <ul>
 *   <li>{@code return}: main returns (status 0);</li>
 *   <li>{@code exit N}: {@code System.exit(N)};</li>
 *   <li>{@code throw}: an uncaught exception (status 1);</li>
 *   <li>{@code oom}: an uncaught {@link OutOfMemoryError} (status 1; run it with a small heap);</li>
 *   <li>{@code wait}: prints {@code waiting} and sleeps until a signal ends it;</li>
 *   <li>{@code churn SECONDS DEPTH STATUS [read]}: allocates as fast as it can from 2^DEPTH
 *       distinct stacks for SECONDS seconds, printing {@code progress S ROUNDS} after each
 *       second, then (with {@code read}: after reading a line from standard input) prints
 *       {@code done} and exits with STATUS.</li>
 * </ul>
 * It always starts a thread whose name holds terminal control sequences, which viewers must
 * show as text.
 */
public final class LifecycleProgram {

    /** A thread name a terminal would act on if it were printed raw. */
    static final String HOSTILE_NAME = "worker \u001b[2J\u001b]0;owned\u0007 $(touch /tmp/x)";

    private static volatile Object sink;

    private LifecycleProgram() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main started " + args[0]);
        Thread named = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                sink = new byte[100_000];
            }
        }, HOSTILE_NAME);
        named.start();
        named.join();
        switch (args[0]) {
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "throw" -> throw new IllegalStateException("thrown by the program");
            case "oom" -> {
                List<byte[]> kept = new ArrayList<>();
                while (true) {
                    kept.add(new byte[1 << 20]);
                }
            }
            case "wait" -> {
                System.out.println("waiting");
                Thread.sleep(600_000);
            }
            case "churn" -> {
                churn(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                if (args.length > 4 && args[4].equals("read")) {
                    System.out.println("reading");
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
                }
                System.out.println("done");
                System.exit(Integer.parseInt(args[3]));
            }
            default -> {
            }
        }
        System.out.println("main returns");
    }

    private static void churn(int seconds, int depth) {
        long start = System.nanoTime();
        long rounds = 0;
        int second = 1;
        while (second <= seconds) {
            if (System.nanoTime() - start >= second * 1_000_000_000L) {
                System.out.println("progress " + second + " " + rounds);
                second++;
            }
            for (int i = 0; i < 100; i++) {
                descend(depth, (int) (rounds * 7919 + i));
            }
            rounds++;
        }
    }

    private static void descend(int depth, int bits) {
        if (depth == 0) {
            sink = new byte[64 + (bits & 255)];
        } else if ((bits & 1) == 0) {
            left(depth - 1, bits >>> 1);
        } else {
            right(depth - 1, bits >>> 1);
        }
    }

    private static void left(int depth, int bits) {
        descend(depth, bits);
    }

    private static void right(int depth, int bits) {
        descend(depth, bits);
    }
}
