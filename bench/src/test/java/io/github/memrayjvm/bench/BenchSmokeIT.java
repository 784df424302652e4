package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end with tiny durations and one run (bench/run.sh --smoke): real tracked
 * JVMs, real viewers, async-profiler; checks that it produces every row with figures, not what
 * the figures are (a shared CI machine is too noisy for that).
 */
class BenchSmokeIT {

    @Test
    void theSmokeRunProducesEveryRowWithOurFigures() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Row> rows = Bench.run(Env.fromSystemProperties(), Options.forSmoke(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Set<Integer> numbers = rows.stream().map(Row::row).collect(Collectors.toSet());
        assertThat(numbers).as(log.toString(StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(rows).filteredOn(r -> r.mode().startsWith("memray"))
                .extracting(Row::figure)
                .allSatisfy(figure -> assertThat(figure).matches("-?[0-9.]+(; [0-9.]+)?( \\(.*\\))?"));
        assertThat(rows).extracting(Row::mode).contains("memray jvmti (default)",
                "memray --native (exact)", "async-profiler alloc", "async-profiler nativemem",
                HeapOverhead.FLOOR_AGENT, HeapOverhead.FLOOR_NO_OP, HeapOverhead.FLOOR_STACK);
        // the per-sample costs: every mode at both depths, the deeper stack the costlier to take
        List<Row> perSample = rows.stream()
                .filter(r -> r.what().startsWith("one heap sample's callback")).toList();
        assertThat(perSample).extracting(Row::mode).containsExactly("GetStackTrace",
                "GetStackTrace + SetTag", "GetStackTrace + weak reference", "AsyncGetCallTrace",
                "GetStackTrace", "GetStackTrace + SetTag", "GetStackTrace + weak reference",
                "AsyncGetCallTrace");
        assertThat(perSample.get(0).what()).isNotEqualTo(perSample.get(4).what());
        assertThat(nanos(perSample.get(4))).isGreaterThan(nanos(perSample.get(0)));
        assertThat(Table.text(rows)).contains("scale: one 120x40 screen",
                "java-heap overhead above the sampling floor");
    }

    private static double nanos(Row row) {
        return Double.parseDouble(row.figure().split(" ")[0]);
    }
}
