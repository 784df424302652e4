package io.github.memrayjvm.bench;

import io.github.memrayjvm.bench.workload.DeepStacks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row 1, per sample: what one heap sample's callback costs, timed inside the JVM by the sampling
 * floor agent ({@code src/main/c/sampling_floor.c}), with {@link DeepStacks} allocating near the
 * bottom of a short stack and 60 frames further down, up to 3 runs per mode. These times are the
 * parts of row 1's ratio that no wall clock on a shared machine resolves: the stack capture every
 * JVMTI heap sampler pays, what following each sampled object to its free adds (a JVMTI tag, or
 * a JNI weak reference as memray's live view uses), and whether the JVM's signal-handler stack
 * walker can take the stack there at all.
 */
final class SampleCost {

    private static final Pattern LINE = Pattern.compile(
            "sampling-floor: mode=(\\d+) samples=(\\d+) mean-ns=(\\d+) mean-frames=([0-9.]+)"
                    + " walked=(\\d+)");
    private static final int[] DEPTHS = {0, 60};

    private SampleCost() {
    }

    /** One mode's result: callbacks, their mean time, frames per walked stack, stacks walked. */
    record Cost(long samples, long meanNanos, double frames, long walked) {

        static Optional<Cost> parse(List<String> stderr) {
            for (String line : stderr) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    return Optional.of(new Cost(Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)),
                            Long.parseLong(m.group(5))));
                }
            }
            return Optional.empty();
        }
    }

    private static Cost cost(Programs programs, Path floor, int mode, int depth, long rounds)
            throws Exception {
        Launched program = programs.java(List.of(), HeapOverhead.with(HeapOverhead.HEAP,
                        "-agentpath:" + floor + "=" + mode), DeepStacks.class.getName(),
                List.of("2", Integer.toString(depth), Long.toString(rounds)));
        return Cost.parse(program.err()).orElseThrow(() -> new IllegalStateException(
                "the sampling floor agent printed no result: " + program.err()));
    }

    static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Optional<Path> floor = env.samplingFloor();
        if (floor.isEmpty()) {
            return List.of(new Row(1, "one heap sample's callback, ns", "-",
                    "not run: no sampling floor agent for this machine", ""));
        }
        Programs programs = new Programs(env);
        Map<Integer, String> modes = new LinkedHashMap<>();
        modes.put(1, "GetStackTrace");
        modes.put(2, "GetStackTrace + SetTag");
        modes.put(3, "GetStackTrace + weak reference");
        modes.put(4, "AsyncGetCallTrace");
        long rounds = options.smoke() ? 1_000_000 : 10_000_000;
        List<Row> rows = new ArrayList<>();
        for (int depth : DEPTHS) {
            log.printf("row 1, per sample: DeepStacks 2 threads, %d frames down, %d rounds%n",
                    depth, rounds);
            long frames = -1;
            for (Map.Entry<Integer, String> mode : modes.entrySet()) {
                List<Long> nanos = new ArrayList<>();
                Cost cost = null;
                for (int run = 0; run < Math.max(1, Math.min(options.runs(), 3)); run++) {
                    cost = cost(programs, floor.get(), mode.getKey(), depth, rounds);
                    nanos.add(cost.meanNanos());
                }
                if (frames < 0) {
                    // the stack GetStackTrace takes, the same for every mode at this depth
                    frames = Math.round(cost.frames());
                }
                String figure = Stats.of(nanos).format(0);
                if (cost.walked() < cost.samples()) {
                    figure += "; stack taken in " + cost.walked() + " of " + cost.samples();
                }
                rows.add(new Row(1, "one heap sample's callback, ns (" + frames + "-frame stacks)",
                        mode.getValue(), figure, ""));
            }
        }
        return rows;
    }
}
