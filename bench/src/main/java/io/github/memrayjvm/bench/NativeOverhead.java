package io.github.memrayjvm.bench;

import io.github.memrayjvm.examples.workloads.NativeChurn;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row 3: the wall time of {@link NativeChurn}'s loop (Deflater and Inflater through JNI, small
 * direct buffers) tracked over untracked: {@code memray run --live --native} (exact, every
 * allocation) with a viewer attached, heaptrack, and async-profiler's nativemem mode.
 */
public final class NativeOverhead {

    static final String GOAL = "well below heaptrack";

    private NativeOverhead() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Programs programs = new Programs(env);
        String main = NativeChurn.class.getName();
        int rounds = calibrate(programs, options.seconds());
        List<String> args = List.of(Integer.toString(rounds));
        log.printf("row 3: NativeChurn %d rounds%n", rounds);
        Map<String, Alternating.Measure> modes = new LinkedHashMap<>();
        modes.put("untracked", () -> millis(programs.java(List.of(), List.of(), main, args)));
        modes.put("memray --native (exact)", () -> millis(MemrayRun.run(env,
                List.of("--native"), List.of(), main, args, false).program()));
        if (!options.smoke()) {
            modes.put("memray --native, no Java frames", () -> millis(MemrayRun.run(env,
                    List.of("--native", "--tracker-option", "native-java-frames=false"),
                    List.of(), main, args, false).program()));
        }
        Optional<Path> heaptrack = options.smoke() ? Optional.empty() : env.heaptrack();
        Path output = env.work().resolve("heaptrack-out");
        heaptrack.ifPresent(h -> modes.put("heaptrack", () -> {
            double m = millis(programs.java(List.of(h.toString(), "-o", output.toString()),
                    List.of(), main, args));
            deleteHeaptrackFiles(env.work());
            return m;
        }));
        Optional<Path> profiler = env.asyncProfiler();
        Path collapsed = env.work().resolve("nativemem.collapsed");
        profiler.ifPresent(lib -> modes.put("async-profiler nativemem", () -> millis(
                programs.java(List.of(), List.of(Programs.asyncProfiler(lib,
                        "nativemem=0,collapsed", collapsed)), main, args))));
        Map<String, Stats> stats = Alternating.run(options.runs(), modes, log);
        List<Row> rows = new ArrayList<>(Row.overheads(3, "native: untracked loop, ms",
                "native overhead: wall ratio", stats, GOAL));
        if (heaptrack.isEmpty()) {
            rows.add(new Row(3, "native overhead: wall ratio", "heaptrack",
                    options.smoke() ? "not run in the smoke"
                            : "not run: heaptrack is not installed", "peer"));
        }
        return rows;
    }

    private static int calibrate(Programs programs, double seconds) throws Exception {
        return (int) Calibration.rounds(seconds, 5_000, 1_000, rounds -> millis(programs.java(
                List.of(), List.of(), NativeChurn.class.getName(),
                List.of(Long.toString(rounds)))));
    }

    private static double millis(Launched program) throws Exception {
        return Programs.line(program, "{\"workload\":\"native-churn\"").get("elapsedMillis")
                .asDouble();
    }

    private static void deleteHeaptrackFiles(Path dir) throws Exception {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "heaptrack-out*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }
}
