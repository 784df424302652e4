package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.Sites;
import io.github.memrayjvm.examples.workloads.Truth;
import io.github.memrayjvm.testkit.TrackerRun;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@code jfr} tracker in this JVM over a workload with known shares and prints, one
 * line per site, {@code SITE function measured% true% count}, then {@code THREADS ...} and
 * {@code DONE}. Used by the tests to check another JDK in a forked JVM, and by hand:
 * {@code SharesMain per-thread|interleaved [seconds] [MB/s] [option=value...]}.
 */
public final class SharesMain {

    /** The site functions, largest first. */
    static final List<String> SITES = List.of(Sites.LARGE, Sites.MID, Sites.TINY);

    private SharesMain() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args.length > 0 ? args[0] : "per-thread";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        long mbPerSecond = args.length > 2 ? Long.parseLong(args[2]) : 100;
        TrackerTestKit kit = TrackerTestKit.tracker(new JfrTrackerProvider()).settleMillis(1500);
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            kit.option(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        AtomicReference<Truth> truth = new AtomicReference<>();
        Duration duration = Duration.ofSeconds(seconds);
        long rate = mbPerSecond * 1_000_000;
        TrackerRun run = kit.run(() -> truth.set(workload.equals("interleaved")
                ? InterleavedSites.run(duration, rate) : PerThreadSites.run(duration, rate)));
        System.out.println("JAVA " + System.getProperty("java.version"));
        for (String line : report(run, truth.get())) {
            System.out.println(line);
        }
        System.out.println("DONE");
    }

    /** The lines described in the class comment, for a finished run. */
    static List<String> report(TrackerRun run, Truth truth) {
        List<String> lines = new java.util.ArrayList<>();
        for (String site : SITES) {
            long count = run.row(site).map(LocationRow::allocations).orElse(0L);
            lines.add(String.format(Locale.ROOT, "SITE %s %.2f %.2f %d", site,
                    run.shareOfTotal(site), truth.share(site), count));
        }
        lines.add("THREADS " + String.join(",", run.state().threads().values()));
        return lines;
    }
}
