package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.Truth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Overhead and accuracy of the jvmti tracker against the untracked program and, when its
 * library is given, async-profiler's allocation mode. Not a test: run it by hand.
 *
 * <pre>
 * java -cp TEST_CLASSPATH io.github.memrayjvm.tracker.jvmti.OverheadBenchmark ROUNDS [libasyncProfiler.so]
 * </pre>
 *
 * Each round forks one JVM per mode, in alternating order, running the same allocation-heavy
 * work; it prints the median wall and process CPU time per mode and its ratio to the untracked
 * one. Then it
 * measures the shares of {@link InterleavedSites} (5 s, 4 GB/s, 512 KiB interval) per tool.
 */
public final class OverheadBenchmark {

    private static volatile Object sink;

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args.length > 2 ? args[2] : "");
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String asyncProfiler = args.length > 1 ? args[1] : "";
        List<String> modes = new ArrayList<>(List.of("untracked", "jvmti"));
        if (!asyncProfiler.isEmpty()) {
            modes.add("async-profiler");
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<Long>> cpuTimes = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(modes);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String mode : order) {
                String[] measured = fork(mode, "overhead", asyncProfiler).trim().split(" ");
                times.computeIfAbsent(mode, m -> new ArrayList<>()).add(Long.parseLong(measured[0]));
                cpuTimes.computeIfAbsent(mode, m -> new ArrayList<>())
                        .add(Long.parseLong(measured[1]));
            }
        }
        report("wall", times);
        report("cpu", cpuTimes);
        for (String mode : modes.subList(1, modes.size())) {
            System.out.print(fork(mode, "accuracy", asyncProfiler));
        }
    }

    private static String fork(String mode, String what, String asyncProfiler) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (what.equals("overhead")) {
            // A fixed, pre-touched heap, so that page faults of a growing heap do not blur it.
            command.addAll(List.of("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"));
        }
        Path collapsed = Files.createTempFile("memray-bench", ".collapsed");
        if (mode.equals("async-profiler")) {
            command.add("-agentpath:" + asyncProfiler + "=start,event=alloc,alloc=512k,total,"
                    + "collapsed,file=" + collapsed);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                OverheadBenchmark.class.getName(), "child", mode + ":" + what, collapsed.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mode + " " + what + " failed: " + output);
        }
        // The child's figures are its last line (async-profiler may print before them).
        String[] lines = output.trim().split("\n");
        output = lines[lines.length - 1] + "\n";
        if (mode.equals("async-profiler") && what.equals("accuracy")) {
            output = asyncProfilerShares(collapsed, output);
        }
        Files.deleteIfExists(collapsed);
        return output;
    }

    private static void child(String modeAndWhat, String collapsed) throws Exception {
        String mode = modeAndWhat.substring(0, modeAndWhat.indexOf(':'));
        boolean accuracy = modeAndWhat.endsWith(":accuracy");
        if (accuracy) {
            Truth[] truth = new Truth[1];
            Runnable workload = () -> {
                try {
                    truth[0] = InterleavedSites.run(Duration.ofSeconds(5), 4_000_000_000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            if (mode.equals("jvmti")) {
                LiveRun run = new LiveRun().run(Map.of(), 250, workload);
                Map<String, Long> measured = new LinkedHashMap<>();
                for (String site : JvmtiTrackerAccuracyTest.SITES) {
                    measured.put(site, LiveRun.row(run.table(Figures.ALLOCATED), site).total());
                }
                System.out.println(describe(mode, measured, truth[0]));
            } else {
                workload.run();
                // async-profiler writes its file at exit; the parent reads it.
                System.out.println(truth[0].bytesBySite());
            }
            return;
        }
        Runnable work = OverheadBenchmark::allocationHeavyWork;
        work.run(); // warm-up, so that every mode measures compiled code
        long[] millis = new long[2];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Runnable timed = () -> {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            for (int i = 0; i < 3; i++) {
                work.run();
            }
            millis[0] = (System.nanoTime() - start) / 1_000_000;
            millis[1] = (os.getProcessCpuTime() - cpu) / 1_000_000;
        };
        if (mode.equals("jvmti")) {
            new LiveRun().run(Map.of(), 250, timed);
        } else {
            timed.run();
        }
        System.out.println(millis[0] + " " + millis[1]);
    }

    /** About 3 GB of typical garbage: maps of boxed values, strings, lists and arrays. */
    static void allocationHeavyWork() {
        Object[] survivors = new Object[4096];
        for (int i = 0; i < 600_000; i++) {
            Map<String, Integer> map = new HashMap<>();
            for (int j = 0; j < 16; j++) {
                map.put("key-" + (i + j), i * j);
            }
            List<long[]> arrays = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                arrays.add(new long[(i + j) % 64 + 1]);
            }
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                text.append(j).append(',');
            }
            survivors[i & 4095] = map;
            if (i % 64 == 0) {
                survivors[(i >> 6) & 4095] = new byte[8192 + i % 4096];
            }
            sink = text.toString() + arrays.size();
        }
        sink = survivors;
    }

    private static String asyncProfilerShares(Path collapsed, String truthLine) throws IOException {
        Map<String, Long> measured = new LinkedHashMap<>();
        for (String site : JvmtiTrackerAccuracyTest.SITES) {
            measured.put(site, 0L);
        }
        for (String line : Files.readAllLines(collapsed, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            String stack = line.substring(0, space).replace('/', '.');
            long bytes = Long.parseLong(line.substring(space + 1));
            for (String site : JvmtiTrackerAccuracyTest.SITES) {
                if (stack.contains(site + ";") || stack.contains(site + "_")) {
                    measured.merge(site, bytes, Long::sum);
                }
            }
        }
        Map<String, Long> truth = new HashMap<>();
        for (String pair : truthLine.trim().replaceAll("[{}]", "").split(", ")) {
            String[] kv = pair.split("=");
            truth.put(kv[0], Long.parseLong(kv[1]));
        }
        return describe("async-profiler", measured, truth) + "\n";
    }

    private static String describe(String mode, Map<String, Long> measured, Truth truth) {
        return describe(mode, measured, truth.bytesBySite());
    }

    private static String describe(String mode, Map<String, Long> measured, Map<String, Long> truth) {
        Map<String, Double> shares = SiteShares.percentages(measured);
        Map<String, Double> expected = SiteShares.percentages(truth);
        StringBuilder line = new StringBuilder("accuracy " + mode + ":");
        for (String site : JvmtiTrackerAccuracyTest.SITES) {
            line.append(String.format(Locale.ROOT, " %s %.1f%% (true %.1f%%)",
                    site.substring(site.lastIndexOf('.') + 1), shares.get(site),
                    expected.get(site)));
        }
        return line.toString();
    }

    private static void report(String kind, Map<String, List<Long>> times) {
        double base = median(times.get("untracked"));
        for (Map.Entry<String, List<Long>> entry : times.entrySet()) {
            double median = median(entry.getValue());
            System.out.printf(Locale.ROOT, "overhead %-4s %-15s median %6.0f ms  ratio %.3f  runs %s%n",
                    kind, entry.getKey(), median, median / base, entry.getValue());
        }
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
