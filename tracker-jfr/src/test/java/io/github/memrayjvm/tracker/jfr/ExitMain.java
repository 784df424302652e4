package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.Truth;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A program tracked the way the agent tracks one: the {@code jfr} tracker starts before the
 * work and is closed from a shutdown hook at exit. {@code ExitMain [seconds] [return|exit]}
 * runs {@link PerThreadSites} at 100 MB/s, prints {@code TRUTH bytes}, then ends by returning
 * from {@code main} or by {@code System.exit(0)}; the hook prints {@code CLOSE_MS ms} and
 * {@code REPORTED bytes} (of the three sites, as a viewer would see them after close).
 */
public final class ExitMain {

    private ExitMain() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 2;
        boolean exit = args.length > 1 && args[1].equals("exit");
        RecorderContext context = new RecorderContext(Map.of());
        Tracker tracker = new JfrTrackerProvider().create(context);
        tracker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long start = System.nanoTime();
            tracker.close();
            long closeNanos = System.nanoTime() - start;
            LocationTable table = RecorderContext.table(context.snapshot());
            long reported = SharesMain.SITES.stream()
                    .mapToLong(site -> RecorderContext.totalBytes(table, site)).sum();
            System.out.printf(Locale.ROOT, "CLOSE_MS %.1f%nREPORTED %d%n", closeNanos / 1e6,
                    reported);
            System.out.flush();
        }, "memray-test-exit"));
        Truth truth = PerThreadSites.run(Duration.ofSeconds(seconds), 100_000_000);
        long all = truth.bytesBySite().values().stream().mapToLong(Long::longValue).sum();
        System.out.println("TRUTH " + all);
        System.out.flush();
        if (exit) {
            System.exit(0);
        }
    }
}
