package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.testkit.TrackerRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Shares of a few site functions among themselves, as measured in a run and as true. */
final class SiteShares {

    private SiteShares() {
    }

    /** Percent of the sites' summed totals that each site has in {@code run}'s main table. */
    static Map<String, Double> measured(TrackerRun run, List<String> sites) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String site : sites) {
            totals.put(site, run.row(site).map(LocationRow::total).orElse(0L));
        }
        return percentages(totals);
    }

    /** Percent of the summed bytes that each site has. */
    static Map<String, Double> percentages(Map<String, Long> bytesBySite) {
        long sum = bytesBySite.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        bytesBySite.forEach((site, bytes) -> shares.put(site, sum == 0 ? 0 : 100.0 * bytes / sum));
        return shares;
    }

    /** {@code site measured truth} lines, for messages. */
    static String describe(Map<String, Double> measured, Map<String, Double> truth) {
        return measured.keySet().stream()
                .map(site -> String.format(Locale.ROOT, "%s measured %.2f%% true %.2f%%", site,
                        measured.get(site), truth.get(site)))
                .collect(Collectors.joining("; "));
    }
}
