package io.github.memrayjvm.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark harness: runs the chosen rows (1 java-heap overhead, 2 attribution accuracy,
 * 3 native overhead, 4 start-up and exit, 5 live latency, 6 scale) and prints one table.
 * Progress goes to standard error, the table to standard output (and Markdown to {@code --out}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Row> rows = run(Env.fromSystemProperties(), options, System.err);
        System.out.print(Table.text(rows));
        if (options.out() != null) {
            Files.writeString(options.out(), Table.markdown(rows));
        }
    }

    /** Runs the rows of {@code options} and returns the table's lines. */
    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        log.printf("bench: %s, java %s, %d cores, runs %d, seconds %.1f%n", Instant.now(),
                env.javaVersion(), Runtime.getRuntime().availableProcessors(), options.runs(),
                options.seconds());
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        if (options.rows().contains(1)) {
            rows.addAll(HeapOverhead.run(env, options, log));
            rows.addAll(SampleCost.run(env, options, log));
            log.printf("row 1 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (options.rows().contains(2)) {
            rows.addAll(Accuracy.run(env, options, log));
            log.printf("row 2 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (options.rows().contains(3)) {
            rows.addAll(NativeOverhead.run(env, options, log));
            log.printf("row 3 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (options.rows().contains(4)) {
            rows.addAll(Startup.run(env, options, log));
            log.printf("row 4 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (options.rows().contains(5)) {
            rows.addAll(Latency.run(env, options, log));
            log.printf("row 5 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (options.rows().contains(6)) {
            rows.addAll(Scale.run(env, options, log));
            log.printf("row 6 done after %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        return rows;
    }
}
