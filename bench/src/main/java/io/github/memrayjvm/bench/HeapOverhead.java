package io.github.memrayjvm.bench;

import io.github.memrayjvm.examples.workloads.AllocationHeavy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row 1: the wall time of {@link AllocationHeavy}'s work (2 threads, lists, maps, strings and
 * arrays of varied sizes) tracked over untracked, for memray's Java-heap trackers with a viewer
 * attached, async-profiler's alloc mode, a plain JFR recording and the floors memray stands on: a
 * Java agent that does nothing ({@code floor.EmptyAgent}), and the JVM's heap sampling with an
 * empty callback and with one that only takes the stack ({@code src/main/c/sampling_floor.c}).
 * Every JVM gets the same fixed heap.
 */
public final class HeapOverhead {

    static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");
    static final String GOAL = "<= 1.05 and below async-profiler";
    static final String JVMTI = "memray jvmti (default)";
    /** A Java agent that does nothing: what any {@code -javaagent} costs. */
    static final String FLOOR_AGENT = "floor: an empty -javaagent";
    /** The JVM's heap sampling at 512 KiB with a callback that does nothing. */
    static final String FLOOR_NO_OP = "floor: JVM heap sampling, empty callback";
    /** The same, the callback taking the stack with JVMTI GetStackTrace and nothing more. */
    static final String FLOOR_STACK = "floor: JVM heap sampling + GetStackTrace";

    private HeapOverhead() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Programs programs = new Programs(env);
        String main = AllocationHeavy.class.getName();
        long rounds = calibrate(programs, options.seconds());
        List<String> args = List.of("2", Long.toString(rounds));
        log.printf("row 1: AllocationHeavy 2 threads, %d rounds each%n", rounds);
        Map<String, Alternating.Measure> modes = new LinkedHashMap<>();
        modes.put("untracked", () -> millis(programs.java(List.of(), HEAP, main, args)));
        modes.put(JVMTI, () -> millis(MemrayRun.run(env, List.of(), HEAP,
                main, args, false).program()));
        if (!options.smoke()) {
            modes.put("memray jfr", () -> millis(MemrayRun.run(env, List.of("--tracker", "jfr"),
                    HEAP, main, args, false).program()));
        }
        Optional<Path> profiler = env.asyncProfiler();
        Path collapsed = env.work().resolve("alloc.collapsed");
        profiler.ifPresent(lib -> modes.put("async-profiler alloc", () -> millis(programs.java(
                List.of(), with(HEAP, Programs.asyncProfiler(lib, "event=alloc,collapsed,total",
                        collapsed)), main, args))));
        modes.put(FLOOR_AGENT, () -> millis(programs.java(List.of(),
                with(HEAP, "-javaagent:" + env.emptyAgent()), main, args)));
        env.samplingFloor().ifPresent(floor -> {
            modes.put(FLOOR_NO_OP, () -> millis(programs.java(List.of(),
                    with(HEAP, "-agentpath:" + floor + "=0"), main, args)));
            modes.put(FLOOR_STACK, () -> millis(programs.java(List.of(),
                    with(HEAP, "-agentpath:" + floor + "=1"), main, args)));
        });
        Path recording = env.work().resolve("recording.jfr");
        modes.put("JFR recording (default settings)", () -> {
            double m = millis(programs.java(List.of(), with(HEAP,
                    "-XX:StartFlightRecording:filename=" + recording), main, args));
            Files.deleteIfExists(recording);
            return m;
        });
        Map<String, Stats> stats = Alternating.run(options.runs(), modes, log);
        List<Row> rows = new ArrayList<>(Row.overheads(1, "java-heap: untracked work, ms",
                "java-heap overhead: wall ratio", stats, GOAL));
        Stats floor = stats.get(FLOOR_STACK);
        if (floor != null) {
            // memray's own part: each run over the floor's run of the same round
            rows.add(new Row(1, "java-heap overhead above the sampling floor",
                    JVMTI, stats.get(JVMTI).over(floor).format(2), ""));
        }
        if (profiler.isEmpty()) {
            rows.add(new Row(1, "java-heap overhead: wall ratio", "async-profiler alloc",
                    "not run: no library for this machine", "peer"));
        }
        return rows;
    }

    private static long calibrate(Programs programs, double seconds) throws Exception {
        return Calibration.rounds(seconds, 200_000, 10_000, rounds -> millis(programs.java(
                List.of(), HEAP, AllocationHeavy.class.getName(),
                List.of("2", Long.toString(rounds)))));
    }

    private static double millis(Launched program) throws Exception {
        return Programs.line(program, "{\"workload\":\"allocation-heavy\"").get("millis")
                .asDouble();
    }

    static List<String> with(List<String> base, String option) {
        List<String> all = new ArrayList<>(base);
        all.add(option);
        return all;
    }
}
