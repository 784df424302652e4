package io.github.memrayjvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.Sites;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row 2: the largest error, in percentage points, in any site's share of the bytes, on the two
 * workloads whose shares are known by construction ({@link PerThreadSites}: one site per thread;
 * {@link InterleavedSites}: sites of 512 KiB, 4 KiB and 32 bytes interleaved in one thread),
 * for memray's Java-heap trackers and async-profiler's alloc mode at its default interval, all
 * with the same duration and rate.
 */
public final class Accuracy {

    static final List<String> SITES = List.of(Sites.LARGE, Sites.MID, Sites.TINY);
    static final String RATE_MB = "1000";

    private Accuracy() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Programs programs = new Programs(env);
        String seconds = Long.toString(Math.max(1, Math.round(options.seconds())));
        List<String> args = List.of(seconds, RATE_MB);
        Optional<Path> profiler = env.asyncProfiler();
        int runs = Math.max(1, Math.min(3, options.runs()));
        List<Row> rows = new ArrayList<>();
        List<Class<?>> workloads = options.smoke() ? List.of(InterleavedSites.class)
                : List.of(PerThreadSites.class, InterleavedSites.class);
        for (Class<?> workload : workloads) {
            String main = workload.getName();
            String name = workload.getSimpleName();
            log.printf("row 2: %s %s s at %s MB/s%n", name, seconds, RATE_MB);
            Map<String, Alternating.Measure> modes = new LinkedHashMap<>();
            modes.put("memray jvmti (default)", () -> memray(env, List.of(), main, args));
            if (!options.smoke()) {
                modes.put("memray jfr", () -> memray(env, List.of("--tracker", "jfr"), main,
                        args));
            }
            Path collapsed = env.work().resolve("accuracy.collapsed");
            profiler.ifPresent(lib -> modes.put("async-profiler alloc", () -> {
                Launched run = programs.java(List.of(), List.of(Programs.asyncProfiler(lib,
                        "event=alloc,collapsed,total", collapsed)), main, args);
                Map<String, Long> shown = Shares.fromCollapsed(Files.readAllLines(collapsed),
                        SITES);
                return Shares.largestError(shown, truth(Programs.line(run, "{\"workload\"")));
            }));
            Map<String, Stats> stats = Alternating.run(runs, modes, log);
            stats.forEach((mode, s) -> rows.add(new Row(2, "largest share error, pp: " + name,
                    mode, s.format(1), mode.startsWith("memray jvmti") ? "<= 2 pp" : "")));
        }
        return rows;
    }

    private static double memray(Env env, List<String> options, String main, List<String> args)
            throws Exception {
        MemrayRun.Result result = MemrayRun.run(env, options, List.of(), main, args, false);
        Map<String, Long> shown = Shares.fromSnapshot(Programs.lastSnapshot(result.viewer()),
                SITES);
        return Shares.largestError(shown, truth(Programs.line(result.program(),
                "{\"workload\"")));
    }

    static Map<String, Long> truth(JsonNode line) {
        Map<String, Long> truth = new LinkedHashMap<>();
        for (String site : SITES) {
            truth.put(site, 0L);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = line.get("truth").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            truth.put(field.getKey(), field.getValue().asLong());
        }
        return truth;
    }
}
