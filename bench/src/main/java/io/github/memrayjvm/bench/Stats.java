package io.github.memrayjvm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Median, minimum, maximum and 95th percentile of repeated measurements, so that a figure always
 * comes with its spread.
 *
 * @param values the measurements, in any order; never empty
 */
public record Stats(List<Double> values) {

    public Stats {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        values = List.copyOf(sorted);
    }

    /** Stats of {@code values}. */
    public static Stats of(List<? extends Number> values) {
        return new Stats(values.stream().map(Number::doubleValue).toList());
    }

    public double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    public double min() {
        return values.get(0);
    }

    public double max() {
        return values.get(values.size() - 1);
    }

    /** The nearest-rank 95th percentile. */
    public double p95() {
        int rank = (int) Math.ceil(0.95 * values.size());
        return values.get(Math.max(0, rank - 1));
    }

    /** Each value divided by the median of {@code baseline}. */
    public Stats over(Stats baseline) {
        double base = baseline.median();
        return new Stats(values.stream().map(v -> v / base).toList());
    }

    /** {@code "1.03 (0.99-1.08)"}: the median and the range, with {@code decimals} decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "-" + f + ")", median(), min(), max());
    }
}
