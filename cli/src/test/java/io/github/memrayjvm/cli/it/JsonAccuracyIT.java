package io.github.memrayjvm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.memrayjvm.examples.workloads.InterleavedSites;
import io.github.memrayjvm.examples.workloads.PerThreadSites;
import io.github.memrayjvm.examples.workloads.RetainedAndDropped;
import io.github.memrayjvm.examples.workloads.Sites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The figures users read, checked against workloads whose shares are known by construction,
 * end to end: forked JVM with the agent, real socket, the json renderer.
 */
class JsonAccuracyIT {

    static final Duration LONG = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SITES = List.of(Sites.LARGE, Sites.MID, Sites.TINY);
    static final Path REPORT = Path.of("target", "accuracy.txt");

    static java.util.stream.Stream<String> javas() {
        return Jdks.javas();
    }

    /** What a tracked run of a workload showed, and what was true. */
    record Outcome(Map<String, Double> shown, Map<String, Double> truth, JsonNode lastSnapshot) {
        double largestError() {
            return SITES.stream().mapToDouble(s -> Math.abs(shown.get(s) - truth.get(s))).max()
                    .orElseThrow();
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void eachThreadsSiteShareIsWithinThreePointsWithJfr(String java) throws Exception {
        Outcome outcome = track(java, "jfr", PerThreadSites.class.getName());
        record("per-thread", "jfr", java, outcome);
        for (String site : SITES) {
            assertThat(outcome.shown().get(site)).as(site)
                    .isCloseTo(outcome.truth().get(site), within(3.0));
        }
        JsonNode snapshot = outcome.lastSnapshot();
        assertThat(snapshot.at("/trackers/0/name").asText()).isEqualTo("jfr");
        assertThat(snapshot.at("/trackers/0/figures").asText()).isEqualTo("allocated");
        assertThat(snapshot.at("/trackers/0/estimate").asBoolean()).isTrue();
        assertThat(snapshot.at("/heap/peak").asLong()).isPositive();
        assertThat(snapshot.get("threads").findValuesAsText("name"))
                .contains("large-site", "mid-site", "tiny-site");
        JsonNode large = location(snapshot, Sites.LARGE);
        assertThat(large.get("file").asText()).isEqualTo("Sites.java");
        assertThat(large.get("domain").asText()).isEqualTo("java");
        assertThat(large.get("own").asLong()).isEqualTo(large.get("total").asLong());
        assertThat(large.get("byThread")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("javas")
    void interleavedSitesAreMeasuredAndRecordedForJfr(String java) throws Exception {
        Outcome outcome = track(java, "jfr", InterleavedSites.class.getName());
        record("interleaved", "jfr", java, outcome);
        for (String site : SITES) {
            assertThat(outcome.shown()).containsKey(site);
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void theJvmtiTrackerIsTheDefaultAndGetsInterleavedSitesRight(String java) throws Exception {
        Outcome outcome = track(java, null, InterleavedSites.class.getName(), "5", "1000");
        record("interleaved", "jvmti", java, outcome);
        assertThat(outcome.lastSnapshot().at("/trackers/0/name").asText()).isEqualTo("jvmti");
        assertThat(outcome.lastSnapshot().at("/trackers/0/estimate").asBoolean()).isTrue();
        assertThat(outcome.lastSnapshot().at("/trackers/0/reportsFrees").asBoolean()).isTrue();
        // HotSpot 17's heap sampler under-samples objects allocated outside TLABs when the same
        // thread also allocates inside them (fixed in later JDKs; async-profiler, on the same
        // JVM events, shows it too): measured 0.8 to 2.2 points low on the 512 KiB site here
        boolean jdk17 = outcome.lastSnapshot().get("javaVersion").asText().startsWith("17");
        double tolerance = jdk17 ? 2.5 : 2.0;
        for (String site : SITES) {
            assertThat(outcome.shown().get(site)).as(site)
                    .isCloseTo(outcome.truth().get(site), within(tolerance));
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void eachThreadsSiteShareIsWithinTwoPointsWithJvmti(String java) throws Exception {
        Outcome outcome = track(java, "jvmti", PerThreadSites.class.getName(), "5", "1000");
        record("per-thread", "jvmti", java, outcome);
        for (String site : SITES) {
            assertThat(outcome.shown().get(site)).as(site)
                    .isCloseTo(outcome.truth().get(site), within(2.0));
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void liveFiguresShowWhatIsStillHeldBySite(String java) throws Exception {
        String classpath = System.getProperty("memray.examples.jar");
        try (CliProcess run = CliProcess.start("run", "--live", "--java", java, "--tracker",
                "jvmti", "--heap-sampling", "65536", "-cp", classpath,
                RetainedAndDropped.class.getName(), "4", "50")) {
            int port = run.awaitPort(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                JsonNode truth = JSON.readTree(
                        run.awaitOut(Pattern.compile("^\\{\"workload\".*$"), LONG).group(0));
                List<String> lines = viewer.out();
                JsonNode last = JSON.readTree(lines.get(lines.size() - 2));
                JsonNode retain = location(last, RetainedAndDropped.RETAIN);
                JsonNode drop = location(last, RetainedAndDropped.DROP);
                long retained = truth.at("/live").get(RetainedAndDropped.RETAIN).asLong();
                assertThat((double) retain.at("/live/total").asLong()).as("retain live")
                        .isCloseTo(retained, within(retained * 0.10));
                long dropAllocated = drop.at("/allocated/total").asLong();
                assertThat(drop.at("/live/total").asLong()).as("drop live")
                        .isLessThan(dropAllocated / 100);
                assertThat(last.at("/heap/liveSampled").asLong())
                        .isGreaterThanOrEqualTo(retain.at("/live/total").asLong());
                Files.writeString(REPORT, String.format("live         jvmti  %-45s retain %d"
                        + " live of %d true; drop %d live of %d allocated%n", java,
                        retain.at("/live/total").asLong(), retained,
                        drop.at("/live/total").asLong(), dropAllocated),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    static Outcome track(String java, String tracker, String workload) throws Exception {
        return track(java, tracker, workload, "5");
    }

    /** Runs {@code workload} under {@code tracker} (null: the default) and a json viewer. */
    static Outcome track(String java, String tracker, String workload, String... workloadArgs)
            throws Exception {
        String classpath = System.getProperty("memray.examples.jar");
        List<String> args = new ArrayList<>(List.of("run", "--live", "--java", java));
        if (tracker != null) {
            args.addAll(List.of("--tracker", tracker));
        }
        args.addAll(List.of("-cp", classpath, workload));
        args.addAll(List.of(workloadArgs));
        try (CliProcess run = CliProcess.start(args.toArray(String[]::new))) {
            int port = run.awaitPort(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                JsonNode truthLine = JSON.readTree(
                        run.awaitOut(Pattern.compile("^\\{\"workload\".*$"), LONG).group(0));
                List<String> lines = viewer.out();
                JsonNode last = JSON.readTree(lines.get(lines.size() - 2));
                return new Outcome(shares(last), truthShares(truthLine.get("truth")), last);
            }
        }
    }

    static Map<String, Double> shares(JsonNode snapshot) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String site : SITES) {
            JsonNode location = location(snapshot, site);
            bytes.put(site, location == null ? 0 : location.get("total").asLong());
        }
        return toShares(bytes);
    }

    static Map<String, Double> truthShares(JsonNode truth) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String site : SITES) {
            bytes.put(site, truth.get(site).asLong());
        }
        return toShares(bytes);
    }

    static Map<String, Double> toShares(Map<String, Long> bytes) {
        long all = bytes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        bytes.forEach((site, b) -> shares.put(site, all == 0 ? 0 : 100.0 * b / all));
        return shares;
    }

    static JsonNode location(JsonNode snapshot, String function) {
        for (JsonNode location : snapshot.get("locations")) {
            if (location.get("function").asText().equals(function)) {
                return location;
            }
        }
        return null;
    }

    static void record(String workload, String tracker, String java, Outcome outcome)
            throws Exception {
        StringBuilder line = new StringBuilder(String.format("%-12s %-6s %-45s", workload,
                tracker, java));
        for (String site : SITES) {
            String name = site.substring(site.lastIndexOf('.') + 1);
            line.append(String.format(" %s %.1f%% (true %.1f%%)", name, outcome.shown().get(site),
                    outcome.truth().get(site)));
        }
        line.append(String.format(" largest error %.1f pp%n", outcome.largestError()));
        Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(line);
    }
}
