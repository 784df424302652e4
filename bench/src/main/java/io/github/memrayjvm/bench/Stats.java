package io.github.memrayjvm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Median, minimum, maximum and 95th percentile of repeated measurements, so that a figure always
 * comes with its spread.
 *
 * @param values the measurements, in the order they were taken (run 1 first); never empty
 */
public record Stats(List<Double> values) {

    public Stats {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        values = List.copyOf(values);
    }

    /** Stats of {@code values}. */
    public static Stats of(List<? extends Number> values) {
        return new Stats(values.stream().map(Number::doubleValue).toList());
    }

    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        return sorted().get(values.size() - 1);
    }

    /** The nearest-rank 95th percentile. */
    public double p95() {
        int rank = (int) Math.ceil(0.95 * values.size());
        return sorted().get(Math.max(0, rank - 1));
    }

    /**
     * Each value divided by {@code baseline}'s value of the same run: the two were taken in the
     * same round of {@link Alternating}, a few seconds apart, so a drift of a shared machine
     * between rounds (often 20% and more) cancels instead of widening every ratio.
     */
    public Stats over(Stats baseline) {
        if (baseline.values.size() != values.size()) {
            throw new IllegalArgumentException("ratios need as many runs as the baseline: "
                    + values.size() + " against " + baseline.values.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / baseline.values.get(i));
        }
        return new Stats(ratios);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** {@code "1.03 (0.99-1.08)"}: the median and the range, with {@code decimals} decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "-" + f + ")", median(), min(), max());
    }
}
