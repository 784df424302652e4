package io.github.memrayjvm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.memrayjvm.examples.workloads.DirectBuffersAndDeflaters;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code memray run --live --native} end to end: native rows, exact live bytes under the Java
 * code that asked for them, next to the Java-heap tracker, never summed with it.
 */
class NativeLiveIT {

    static final Duration LONG = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    static java.util.stream.Stream<String> javas() {
        return Jdks.javas();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void directBuffersAreLiveExactlyAndEndedDeflatersAreNot(String java) throws Exception {
        String classpath = System.getProperty("memray.examples.jar");
        try (CliProcess run = CliProcess.start("run", "--live", "--native", "--java", java,
                "-cp", classpath, DirectBuffersAndDeflaters.class.getName())) {
            int port = run.awaitPort(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                run.awaitOut(Pattern.compile("^\\{\"workload\".*$"), LONG);
                assertThat(run.err()).as("memray prints nothing but the Run line").hasSize(1);
                List<String> lines = viewer.out();
                JsonNode last = JSON.readTree(lines.get(lines.size() - 2));
                assertThat(last.get("trackers").findValuesAsText("name"))
                        .containsExactly("jvmti", "native");
                assertThat(last.at("/trackers/1/figures").asText()).isEqualTo("live");
                assertThat(last.at("/trackers/1/estimate").asBoolean()).isFalse();
                assertThat(last.at("/native/current").asLong()).isPositive();
                assertThat(last.at("/native/peak").asLong())
                        .isGreaterThanOrEqualTo(last.at("/native/current").asLong());

                long expected = (long) DirectBuffersAndDeflaters.BUFFERS
                        * DirectBuffersAndDeflaters.BUFFER_BYTES;
                JsonNode direct = nativeRow(last, DirectBuffersAndDeflaters.DIRECT_SITE);
                assertThat((double) direct.get("total").asLong())
                        .isCloseTo(expected, within(expected * 0.01));
                assertThat(direct.get("domain").asText()).isEqualTo("java");
                JsonNode deflater = nativeRow(last, DirectBuffersAndDeflaters.DEFLATER_SITE);
                assertThat(deflater.at("/allocated/total").asLong())
                        .as("the churn allocated").isGreaterThan(10_000_000);
                assertThat(deflater.at("/live/total").asLong())
                        .as("and freed it").isLessThan(64 * 1024);
                assertThat(last.get("locations").findValuesAsText("domain")).contains("native");
                Files.writeString(JsonAccuracyIT.REPORT, String.format(
                        "native       native %-45s allocateDirect live %d (true %d);"
                        + " Deflater.init live %d of %d allocated%n", java,
                        direct.get("total").asLong(), expected,
                        deflater.at("/live/total").asLong(),
                        deflater.at("/allocated/total").asLong()),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    static JsonNode nativeRow(JsonNode snapshot, String function) {
        for (JsonNode location : snapshot.get("locations")) {
            if (location.get("tracker").asText().equals("native")
                    && location.get("function").asText().equals(function)) {
                return location;
            }
        }
        throw new AssertionError("no native row for " + function);
    }
}
