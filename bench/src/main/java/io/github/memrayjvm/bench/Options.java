package io.github.memrayjvm.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The harness's options.
 *
 * @param runs    alternating runs per mode (overhead and start-up rows)
 * @param seconds how long each timed workload runs, roughly
 * @param rows    which benchmarks to run (1 to 6)
 * @param bursts  allocation bursts for the latency row
 * @param out     where to write the Markdown table, or {@code null}
 * @param smoke   only check that the harness works: skip the secondary modes (memray's jfr
 *                tracker, heaptrack) and the second workload of row 2
 */
public record Options(int runs, double seconds, Set<Integer> rows, int bursts, Path out,
                      boolean smoke) {

    static final String USAGE = "usage: bench/run.sh [--runs N] [--seconds S] [--rows 1,2,...]"
            + " [--bursts N] [--out FILE] | --smoke";

    public Options {
        rows = Set.copyOf(rows);
    }

    /** The full run's defaults: 5 runs, 4-second workloads, every row, 30 bursts. */
    public static Options defaults() {
        return new Options(5, 4, Set.of(1, 2, 3, 4, 5, 6), 30, null, false);
    }

    /** A quick pass through every row that only checks the harness works. */
    public static Options forSmoke() {
        return new Options(1, 0.5, Set.of(1, 2, 3, 4, 5, 6), 2, null, true);
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a one-line message on a bad option
     */
    public static Options parse(List<String> args) {
        Options o = defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--smoke")) {
                o = new Options(forSmoke().runs, forSmoke().seconds, o.rows, forSmoke().bursts, o.out, true);
                continue;
            }
            if (!Set.of("--runs", "--seconds", "--rows", "--bursts", "--out").contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value of " + arg + "; " + USAGE);
            }
            String value = args.get(++i);
            o = switch (arg) {
                case "--runs" -> new Options(positive(arg, value), o.seconds, o.rows, o.bursts,
                        o.out, o.smoke);
                case "--seconds" -> new Options(o.runs, positiveDecimal(arg, value), o.rows,
                        o.bursts, o.out, o.smoke);
                case "--rows" -> new Options(o.runs, o.seconds, rows(value), o.bursts, o.out,
                        o.smoke);
                case "--bursts" -> new Options(o.runs, o.seconds, o.rows, positive(arg, value),
                        o.out, o.smoke);
                case "--out" -> new Options(o.runs, o.seconds, o.rows, o.bursts, Path.of(value),
                        o.smoke);
                default -> throw new IllegalArgumentException("unknown option " + arg + "; "
                        + USAGE);
            };
        }
        return o;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '"
                + value + "'");
    }

    private static double positiveDecimal(String option, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + value
                + "'");
    }

    private static Set<Integer> rows(String value) {
        Set<Integer> rows = new TreeSet<>();
        for (String part : value.split(",")) {
            int row = positive("--rows", part.trim());
            if (row > 6) {
                throw new IllegalArgumentException("--rows takes numbers from 1 to 6, not "
                        + row);
            }
            rows.add(row);
        }
        return rows;
    }
}
