package io.github.memrayjvm.examples.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a workload really allocated, by site function, known by construction (count times exact
 * size).
 */
public final class Truth {

    private final String workload;
    private final Map<String, Long> bytesBySite = new LinkedHashMap<>();

    Truth(String workload) {
        this.workload = workload;
    }

    synchronized void add(String site, long bytes) {
        bytesBySite.merge(site, bytes, Long::sum);
    }

    /** Bytes by site function. */
    public synchronized Map<String, Long> bytesBySite() {
        return Map.copyOf(bytesBySite);
    }

    /** The share of {@code site} in percent of all bytes the sites allocated. */
    public synchronized double share(String site) {
        long all = bytesBySite.values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? 0 : 100.0 * bytesBySite.getOrDefault(site, 0L) / all;
    }

    /** One JSON line: {@code {"workload":"...","truth":{"site":bytes,...}}}. */
    public synchronized String toJson() {
        return "{\"workload\":\"" + workload + "\",\"truth\":{" + bytesBySite.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",")) + "}}";
    }
}
