package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.examples.workloads.AllocationHeavy;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what the tracker costs: {@code OverheadMain none|jfr [threads] [rounds]
 * [option=value...]} runs {@link AllocationHeavy} once, untracked or under the {@code jfr}
 * tracker (started and closed in this JVM around it), and prints {@code START ms},
 * {@code WORK ms} (wall time), {@code CPU ms} (the process's CPU time during the work),
 * {@code CLOSE ms}. Compare runs in fresh JVMs, alternating the modes.
 */
public final class OverheadMain {

    private OverheadMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean tracked = args.length > 0 && args[0].equals("jfr");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long rounds = args.length > 2 ? Long.parseLong(args[2]) : 4_000_000;
        Map<String, String> options = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Tracker tracker = null;
        RecorderContext context = new RecorderContext(options);
        long startNanos = 0;
        if (tracked) {
            tracker = new JfrTrackerProvider().create(context);
            long t0 = System.nanoTime();
            tracker.start();
            startNanos = System.nanoTime() - t0;
        }
        long cpuBefore = processCpuNanos();
        long work = AllocationHeavy.run(threads, rounds);
        long cpu = processCpuNanos() - cpuBefore;
        long closeNanos = 0;
        if (tracker != null) {
            long t0 = System.nanoTime();
            tracker.close();
            closeNanos = System.nanoTime() - t0;
        }
        long reported = tracked ? RecorderContext.table(context.snapshot()).bytes() : 0;
        System.out.printf(Locale.ROOT,
                "START %.1f%nWORK %.1f%nCPU %.1f%nCLOSE %.1f%nREPORTED_MB %d%n",
                startNanos / 1e6, work / 1e6, cpu / 1e6, closeNanos / 1e6, reported / 1_000_000);
    }

    /** CPU time of the whole process (all its threads, the JVM's included), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
