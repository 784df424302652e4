package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.examples.workloads.DirectBuffersAndDeflaters;
import io.github.memrayjvm.examples.workloads.NativeChurn;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a workload under the native tracker in a JVM started with the library preloaded (the
 * integration tests and the overhead script fork it) and prints what the tracker reported as
 * {@code key=value} lines.
 *
 * <p>{@code check [OPTION=VALUE...]}: {@link DirectBuffersAndDeflaters};
 * {@code churn ROUNDS} / {@code churn-tracked ROUNDS}: {@link NativeChurn} without / with the
 * tracker, printing the loop's elapsed milliseconds.
 */
public final class NativeDriver {

    private static DirectBuffersAndDeflaters.Held held;

    private NativeDriver() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "check":
                check(args);
                break;
            case "churn":
                churn(Integer.parseInt(args[1]));
                break;
            case "churn-tracked":
                TrackerRun run = TrackerTestKit.tracker(new NativeTrackerProvider())
                        .run(() -> churn(Integer.parseInt(args[1])));
                System.out.println("stacks=" + run.state().stackCount());
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static void churn(int rounds) throws Exception {
        NativeChurn.run(rounds / 10); // warm-up
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = cpu.getCurrentThreadCpuTime();
        long checksum = NativeChurn.run(rounds);
        System.out.println("elapsedMillis=" + (System.nanoTime() - start) / 1_000_000);
        System.out.println("cpuMillis=" + (cpu.getCurrentThreadCpuTime() - startCpu) / 1_000_000);
        System.out.println("checksum=" + checksum);
    }

    private static void check(String[] args) throws Exception {
        TrackerTestKit kit = TrackerTestKit.tracker(new NativeTrackerProvider());
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            kit.option(pair[0], pair[1]);
        }
        @SuppressWarnings("deprecation")
        long mainId = Thread.currentThread().getId();
        TrackerRun run = kit.run(() -> held = DirectBuffersAndDeflaters.run());
        LocationTable live = run.table(Figures.LIVE);
        LocationTable allocated = run.table(Figures.ALLOCATED);
        print("truth", held.truth().toJson());
        print("estimate", run.descriptor().estimate());
        print("warnings", String.join(" | ", run.warnings()));
        print("directLive", total(live, DirectBuffersAndDeflaters.DIRECT_SITE));
        print("directLiveOnMain", total(run.tableOfThread(mainId), DirectBuffersAndDeflaters.DIRECT_SITE));
        print("directLiveCount", count(live, DirectBuffersAndDeflaters.DIRECT_SITE));
        print("deflaterLive", total(live, DirectBuffersAndDeflaters.DEFLATER_SITE));
        print("deflaterAllocated", total(allocated, DirectBuffersAndDeflaters.DEFLATER_SITE));
        print("deflaterAllocations", count(allocated, DirectBuffersAndDeflaters.DEFLATER_SITE));
        print("deflateInitAllocated", total(allocated, "deflateInit2_"));
        print("allLive", live.bytes());
        int gauge = run.state().info().gauges().indexOf("native");
        print("gaugeCurrent", run.state().current(gauge));
        print("gaugePeak", run.state().peak(gauge));
        print("mainThreadName", run.state().threads().getOrDefault(mainId, ""));
        print("threads", run.state().threads().size());
        for (var counter : run.state().counters(0).all()) {
            if (counter.liveBytes() >= DirectBuffersAndDeflaters.BUFFER_BYTES) {
                print("bigStack", counter.liveBytes() + frames(run, counter.stack()).stream()
                        .map(l -> " <- " + l.function()).collect(Collectors.joining()));
            }
        }
        // The stack holding the most live bytes (the buffers', by construction): its frames,
        // innermost first, and their domains.
        run.state().counters(0).all().stream()
                .max(Comparator.comparingLong(c -> c.liveBytes()))
                .ifPresent(biggest -> {
                    List<Location> frames = frames(run, biggest.stack());
                    print("biggestLive", biggest.liveBytes());
                    print("biggestFrames", frames.stream().map(Location::function)
                            .collect(Collectors.joining(" <- ")));
                    print("biggestDomains", new TreeSet<>(frames.stream().map(Location::domain)
                            .toList()));
                });
        live.rows().stream().sorted(Comparator.comparingLong(LocationRow::own).reversed()).limit(12)
                .forEach(r -> print("top", r.own() + " " + r.total() + " " + r.location()));
        if (held.buffers().size() != DirectBuffersAndDeflaters.BUFFERS) {
            throw new IllegalStateException("buffers lost");
        }
    }

    /** The locations of a stack, innermost first. */
    private static List<Location> frames(TrackerRun run, int stack) {
        List<Location> frames = new ArrayList<>();
        for (int id : run.state().stack(stack)) {
            frames.add(run.state().locations().get(id));
        }
        return frames;
    }

    private static long total(LocationTable table, String function) {
        return row(table, function).map(LocationRow::total).orElse(-1L);
    }

    private static long count(LocationTable table, String function) {
        return row(table, function).map(LocationRow::allocations).orElse(-1L);
    }

    private static Optional<LocationRow> row(LocationTable table, String function) {
        return table.rows().stream().filter(r -> r.location().function().equals(function)).findFirst();
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
