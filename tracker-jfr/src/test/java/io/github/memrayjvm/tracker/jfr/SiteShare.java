package io.github.memrayjvm.tracker.jfr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code SITE} line of {@link SharesMain}'s report: a site's measured and true share of the
 * bytes, in percent, and its estimated allocation count.
 */
record SiteShare(String workload, String function, double measured, double truth, long count) {

    /** Parses the {@code SITE} lines of a report, skipping the others. */
    static List<SiteShare> parse(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("SITE ")).map(l -> l.split(" "))
                .map(f -> new SiteShare(f[1], f[2], Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Long.parseLong(f[5])))
                .collect(Collectors.toList());
    }

    /** Measured minus true share, in percentage points. */
    double error() {
        return measured - truth;
    }
}
