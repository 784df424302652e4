package io.github.memrayjvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.memrayjvm.bench.workload.Bursts;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Row 5: from the wall-clock time a burst starts in the program (printed by {@link Bursts}) to
 * the time the harness reads the first viewer snapshot whose burst site holds it (at least half
 * of the burst above the bursts before), for memray's Java-heap trackers and the native one.
 */
public final class Latency {

    private Latency() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        List<Row> rows = new ArrayList<>();
        String bursts = Integer.toString(options.bursts());
        record Mode(String name, List<String> memray, String kind, String tracker, String site,
                    String goal) {
        }
        List<Mode> modes = List.of(
                new Mode("memray jvmti (default)", List.of(), "heap", "jvmti", Bursts.HEAP_SITE,
                        "<= 1000 ms"),
                new Mode("memray jfr", List.of("--tracker", "jfr"), "heap", "jfr",
                        Bursts.HEAP_SITE, "<= 1000 ms"),
                new Mode("memray --native", List.of("--native"), "native", "native",
                        Bursts.NATIVE_SITE, "<= 300 ms"));
        for (Mode mode : modes) {
            if (options.smoke() && mode.tracker().equals("jfr")) {
                continue;
            }
            log.printf("row 5: %s, %s bursts%n", mode.name(), bursts);
            MemrayRun.Result result = MemrayRun.run(env, mode.memray(), List.of(),
                    Bursts.class.getName(), List.of(mode.kind(), bursts, options.smoke() ? "300" : "700"), false);
            Stats latency = latencies(result.program().out(), result.viewer().out(),
                    mode.tracker(), mode.site());
            rows.add(new Row(5, "live latency, ms (p95 " + Math.round(latency.p95()) + "; "
                    + latency.values().size() + " of " + bursts + " bursts seen)", mode.name(),
                    latency.format(0), mode.goal()));
        }
        return rows;
    }

    /**
     * Milliseconds from each burst's start (the program's {@code {"burst":...}} lines) to the
     * first viewer snapshot read after it in which {@code tracker}'s row for {@code site} holds
     * at least half of the burst above the bursts before it.
     *
     * @throws IllegalStateException when no burst showed at all
     */
    public static Stats latencies(List<Launched.Line> program, List<Launched.Line> snapshots,
                                  String tracker, String site) throws IOException {
        List<Double> latencies = new ArrayList<>();
        for (Launched.Line line : program) {
            if (!line.text().startsWith("{\"burst\"")) {
                continue;
            }
            JsonNode burst = Programs.JSON.readTree(line.text());
            long n = burst.get("burst").asLong();
            long at = burst.get("atMillis").asLong();
            double threshold = (n - 0.5) * burst.get("bytes").asLong();
            for (Launched.Line snapshot : snapshots) {
                if (snapshot.atMillis() >= at && snapshot.text().contains(site)
                        && siteTotal(Programs.JSON.readTree(snapshot.text()), tracker, site)
                        >= threshold) {
                    latencies.add((double) (snapshot.atMillis() - at));
                    break;
                }
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no burst of " + site + " showed in the viewer");
        }
        return Stats.of(latencies);
    }

    private static long siteTotal(JsonNode snapshot, String tracker, String site) {
        for (JsonNode location : snapshot.path("locations")) {
            if (location.get("function").asText().equals(site)
                    && location.path("tracker").asText().equals(tracker)) {
                return location.get("total").asLong();
            }
        }
        return 0;
    }
}
