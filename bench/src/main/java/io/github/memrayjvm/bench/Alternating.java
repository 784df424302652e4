package io.github.memrayjvm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several modes in turn (A, B, C, then C, B, A, ...) so that slow drifts of a shared
 * machine hit every mode alike, and collects each mode's measurements.
 */
public final class Alternating {

    /** One measurement of a mode. */
    @FunctionalInterface
    public interface Measure {
        double take() throws Exception;
    }

    private Alternating() {
    }

    /** {@code runs} measurements of every mode, by mode, in the modes' order. */
    public static Map<String, Stats> run(int runs, Map<String, Measure> modes,
                                         java.io.PrintStream log) throws Exception {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        modes.keySet().forEach(mode -> values.put(mode, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            List<String> order = new ArrayList<>(modes.keySet());
            if (run % 2 == 1) {
                Collections.reverse(order);
            }
            for (String mode : order) {
                double value = modes.get(mode).take();
                values.get(mode).add(value);
                log.printf("  run %d %-28s %.1f%n", run + 1, mode, value);
            }
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        values.forEach((mode, v) -> stats.put(mode, Stats.of(v)));
        return stats;
    }
}
