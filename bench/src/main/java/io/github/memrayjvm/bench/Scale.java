package io.github.memrayjvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.memrayjvm.bench.layout.LayoutTiming;
import io.github.memrayjvm.bench.layout.SyntheticSession;
import io.github.memrayjvm.bench.workload.ManyStacks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Row 6: {@link ManyStacks} (1,000 threads, 100,000 distinct stacks) at a low and a ten times
 * higher allocation rate, tracked by the default tracker at its default interval and at a 1 KiB
 * sampling interval (so that most stacks are seen): the tracked JVM's extra peak resident memory over the untracked run at
 * the same rate, and the bytes per second the program sent to the viewer (counted by a relay);
 * then the time to build one 120×40 screen from a session of that size.
 */
public final class Scale {

    static final int THREADS = 1000;
    static final int STACKS = 100_000;
    static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    private Scale() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Programs programs = new Programs(env);
        int threads = options.smoke() ? 100 : THREADS;
        int stacks = options.smoke() ? 10_000 : STACKS;
        double seconds = 2 * options.seconds();
        List<Row> rows = new ArrayList<>();
        for (int rate : options.smoke() ? new int[] {10} : new int[] {10, 100}) {
            List<String> args = List.of(Integer.toString(threads), Integer.toString(stacks),
                    Double.toString(seconds), Integer.toString(rate));
            log.printf("row 6: ManyStacks %d threads, %d stacks, %.0f s at %d MB/s%n", threads,
                    stacks, seconds, rate);
            String main = ManyStacks.class.getName();
            JsonNode untracked = result(programs.java(List.of(), HEAP, main, args));
            for (String interval : options.smoke() ? List.of("1024") : List.of("", "1024")) {
                List<String> memray = interval.isEmpty() ? List.of()
                        : List.of("--heap-sampling", interval);
                MemrayRun.Result tracked = MemrayRun.run(env, memray, HEAP, main, args, true);
                JsonNode trackedResult = result(tracked.program());
                String at = String.format(Locale.ROOT, " (%,d threads, %,d stacks, %d MB/s)",
                        threads, stacks, rate);
                String mode = interval.isEmpty() ? "memray jvmti (default, 512 KiB interval)"
                        : "memray jvmti, 1 KiB interval";
                rows.add(new Row(6, "scale: tracked JVM's extra peak RSS, MiB" + at, mode,
                        mib(trackedResult, untracked, "vmHwmKb"), "does not grow with the rate"));
                rows.add(new Row(6, "scale: tracked JVM's extra heap after GC, MiB" + at, mode,
                        mib(trackedResult, untracked, "heapAfterGcKb"),
                        "does not grow with the rate"));
                rows.add(new Row(6, "scale: wire, KB/s, whole run; second half" + at, mode,
                        String.format(Locale.ROOT, "%.1f; %.1f", tracked.wireBytes() / 1000.0
                                / seconds, tracked.steadyWireBytesPerSecond() / 1000.0),
                        "<= 200 KB/s, does not grow with the rate"));
            }
        }
        int[][] sizes = options.smoke() ? new int[][] {{threads, stacks}}
                : new int[][] {{THREADS, STACKS}, {10, 1000}};
        for (int[] size : sizes) {
            Stats millis = LayoutTiming.time(SyntheticSession.build(size[0], size[1]),
                    options.runs() * 4, options.runs() * 10);
            rows.add(new Row(6, String.format(Locale.ROOT,
                    "scale: one 120x40 screen, ms (%,d threads, %,d stacks)", size[0], size[1]),
                    "viewer", millis.format(1), size[1] == STACKS ? "<= 20 ms" : ""));
        }
        return rows;
    }

    private static JsonNode result(Launched program) throws Exception {
        return Programs.line(program, "{\"workload\":\"many-stacks\"");
    }

    private static String mib(JsonNode tracked, JsonNode untracked, String field) {
        return String.format(Locale.ROOT, "%.1f",
                (tracked.get(field).asLong() - untracked.get(field).asLong()) / 1024.0);
    }
}
