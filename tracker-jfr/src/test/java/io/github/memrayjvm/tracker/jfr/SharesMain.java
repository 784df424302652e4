package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.Sites;
import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@code jfr} tracker in this JVM over workloads with known shares and prints what it
 * measured, one line per site: {@code SITE workload function measured% true% count}, then
 * {@code THREADS workload name,name,...}; {@code DONE} at the end. Used by the tests to check
 * another JDK in a forked JVM, and by hand:
 * {@code SharesMain per-thread:5[,interleaved:3] [MB/s] [option=value...]}.
 */
public final class SharesMain {

    /** The site functions, largest first. */
    static final List<String> SITES = List.of(Sites.LARGE, Sites.MID, Sites.TINY);
    /** Time the test kit gives JFR to deliver the last events before closing the tracker. */
    static final long SETTLE_MILLIS = 1200;
    /** The workloads' allocation rate. */
    static final long BYTES_PER_SECOND = 100_000_000;

    private SharesMain() {
    }

    public static void main(String[] args) throws Exception {
        String workloads = args.length > 0 ? args[0] : "per-thread:5";
        long rate = args.length > 1 ? Long.parseLong(args[1]) * 1_000_000 : BYTES_PER_SECOND;
        System.out.println("JAVA " + System.getProperty("java.version"));
        for (String spec : workloads.split(",")) {
            String[] parts = spec.split(":");
            String workload = parts[0];
            Duration duration = Duration.ofSeconds(Long.parseLong(parts[1]));
            TrackerTestKit kit = kit();
            for (int i = 2; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                kit.option(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            AtomicReference<Truth> truth = new AtomicReference<>();
            TrackerRun run = kit.run(() -> truth.set(run(workload, duration, rate)));
            report(workload, run, truth.get()).forEach(System.out::println);
        }
        System.out.println("DONE");
    }

    /** The test kit set up for the {@code jfr} tracker. */
    static TrackerTestKit kit() {
        return TrackerTestKit.tracker(new JfrTrackerProvider()).settleMillis(SETTLE_MILLIS);
    }

    /** Runs {@code per-thread} or {@code interleaved}. */
    static Truth run(String workload, Duration duration, long bytesPerSecond)
            throws InterruptedException {
        switch (workload) {
            case "per-thread":
                return PerThreadSites.run(duration, bytesPerSecond);
            case "interleaved":
                return InterleavedSites.run(duration, bytesPerSecond);
            default:
                throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    /** The lines described in the class comment, for a finished run. */
    static List<String> report(String workload, TrackerRun run, Truth truth) {
        List<String> lines = new ArrayList<>();
        for (String site : SITES) {
            long count = run.row(site).map(LocationRow::allocations).orElse(0L);
            lines.add(String.format(Locale.ROOT, "SITE %s %s %.2f %.2f %d", workload, site,
                    run.shareOfTotal(site), truth.share(site), count));
        }
        lines.add("THREADS " + workload + " " + String.join(",", run.state().threads().values()));
        return lines;
    }
}
