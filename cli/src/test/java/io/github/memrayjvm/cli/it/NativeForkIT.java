package io.github.memrayjvm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.memrayjvm.examples.workloads.ForksChildren;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code memray run --live --native} on a program that starts child processes with
 * {@code ProcessBuilder} (by fork and by posix_spawn): a shell and a child JVM that allocates
 * 256 MiB of native memory. The children inherit the preloaded library but are not tracked: they
 * run as usual (output and exit status right, no memray line, no wait for a viewer), the parent's
 * native figures hold its own 8 MiB and none of the child's, and the run ends cleanly.
 */
class NativeForkIT {

    static final Duration LONG = Duration.ofSeconds(90);

    static Stream<Arguments> runs() {
        return Jdks.javas().flatMap(java -> Stream.of("POSIX_SPAWN", "FORK")
                .map(mechanism -> Arguments.of(java, mechanism)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void childrenRunUntrackedAndTheParentsFiguresStayItsOwn(String java, String mechanism)
            throws Exception {
        String classpath = System.getProperty("memray.examples.jar");
        try (CliProcess run = CliProcess.start("run", "--live", "--native", "--java", java,
                "-Djdk.lang.Process.launchMechanism=" + mechanism,
                "-cp", classpath, ForksChildren.class.getName())) {
            int port = run.awaitPort(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                Matcher line = run.awaitOut(Pattern.compile("^\\{\"workload\".*$"), LONG);
                JsonNode children = NativeLiveIT.JSON.readTree(line.group());
                long childBytes = (long) ForksChildren.CHILD_BUFFERS * ForksChildren.BUFFER_BYTES;
                assertThat(children.get("shell").asText()).isEqualTo("hi from sh");
                assertThat(children.get("shellExit").asInt()).isEqualTo(3);
                assertThat(children.get("child").asText())
                        .isEqualTo("child allocated " + childBytes + " bytes");
                assertThat(children.get("childExit").asInt()).isZero();
                assertThat(run.err()).as("memray prints nothing but the Run line").hasSize(1);

                List<String> lines = viewer.out();
                JsonNode last = NativeLiveIT.JSON.readTree(lines.get(lines.size() - 2));
                long parentBytes = (long) ForksChildren.BUFFERS * ForksChildren.BUFFER_BYTES;
                JsonNode direct = NativeLiveIT.nativeRow(last, ForksChildren.DIRECT_SITE);
                assertThat((double) direct.get("total").asLong())
                        .as("the parent's own direct buffers, exactly")
                        .isCloseTo(parentBytes, within(parentBytes * 0.01));
                assertThat(direct.at("/allocated/total").asLong())
                        .as("nothing of the child's buffers").isLessThan(childBytes / 4);
                assertThat(last.at("/native/peak").asLong())
                        .as("the parent's native peak leaves out the child's 256 MiB")
                        .isLessThan(childBytes / 2);
                Files.writeString(JsonAccuracyIT.REPORT, String.format(
                        "native fork  native %-45s %-11s children ok; allocateDirect live %d"
                        + " (true %d), native peak %d (child held %d)%n", java, mechanism,
                        direct.get("total").asLong(), parentBytes,
                        last.at("/native/peak").asLong(), childBytes),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }
}
