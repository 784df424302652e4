package io.github.memrayjvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bytes by site as each tool reports them, and the shares and errors made of them: memray's
 * viewer JSON (a location's {@code total}) and async-profiler's collapsed stacks (the sum of the
 * stacks a site's frame is in).
 */
public final class Shares {

    private static final Pattern FRAME_SUFFIX = Pattern.compile("_\\[[a-z0-9]+]$");

    private Shares() {
    }

    /** Each site's {@code total} in a snapshot of the viewer's JSON (0 when absent). */
    public static Map<String, Long> fromSnapshot(JsonNode snapshot, List<String> sites) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String site : sites) {
            bytes.put(site, 0L);
            for (JsonNode location : snapshot.get("locations")) {
                if (location.get("function").asText().equals(site)) {
                    bytes.put(site, location.get("total").asLong());
                }
            }
        }
        return bytes;
    }

    /**
     * Each site's bytes in async-profiler's collapsed output ({@code frame;frame;... N} per
     * line): the sum of the lines that hold the site's frame ({@code a/b/C.m} or {@code a.b.C.m},
     * with or without a {@code _[j]}-style suffix).
     */
    public static Map<String, Long> fromCollapsed(List<String> lines, List<String> sites) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        sites.forEach(site -> bytes.put(site, 0L));
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            Set<String> frames = Arrays.stream(line.substring(0, space).split(";"))
                    .map(f -> FRAME_SUFFIX.matcher(f).replaceAll("").replace('/', '.'))
                    .collect(Collectors.toSet());
            for (String site : sites) {
                if (frames.contains(site)) {
                    bytes.merge(site, value, Long::sum);
                }
            }
        }
        return bytes;
    }

    /** Percent of the sum for each site. */
    public static Map<String, Double> percent(Map<String, Long> bytes) {
        long all = bytes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        bytes.forEach((site, b) -> shares.put(site, all == 0 ? 0 : 100.0 * b / all));
        return shares;
    }

    /** The largest difference, in percentage points, between shown and true shares. */
    public static double largestError(Map<String, Long> shown, Map<String, Long> truth) {
        Map<String, Double> s = percent(shown);
        Map<String, Double> t = percent(truth);
        return t.keySet().stream().mapToDouble(site -> Math.abs(s.get(site) - t.get(site)))
                .max().orElseThrow();
    }
}
