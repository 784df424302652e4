package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The per-thread accuracy check on JDK 25, in a forked JVM running {@link SharesMain}; also
 * records the interleaved error there. Skipped when the Temurin 25 JDK is not installed
 * (override its path with {@code -Dmemray.jdk25.java=...}).
 */
class Jdk25AccuracyTest {

    @Test
    void perThreadSharesAreWithinThreePointsOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(ForkedJvm.JDK25_JAVA), "no JDK 25 at "
                + ForkedJvm.JDK25_JAVA + " (set -Dmemray.jdk25.java=/path/to/bin/java)");

        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.JDK25_JAVA, List.of(), SharesMain.class,
                List.of("per-thread:5,interleaved:3"), Duration.ofMinutes(2));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("DONE").anyMatch(l -> l.startsWith("JAVA 25"));
        for (String workload : List.of("per-thread", "interleaved")) {
            AccuracyRecord.write("jdk25-" + workload, result.stdout().stream()
                    .filter(l -> l.contains(" " + workload + " ")).collect(Collectors.toList()));
        }
        List<SiteShare> perThread = SiteShare.parse(result.stdout()).stream()
                .filter(s -> s.workload().equals("per-thread")).collect(Collectors.toList());
        assertThat(perThread).extracting(SiteShare::function)
                .containsExactlyElementsOf(SharesMain.SITES);
        for (SiteShare site : perThread) {
            assertThat(site.measured()).as(site.function())
                    .isCloseTo(site.truth(), within(PerThreadAccuracyTest.TOLERANCE_POINTS));
        }
        assertThat(result.stdout()).anyMatch(l -> l.startsWith("THREADS per-thread")
                && l.contains("large-site") && l.contains("mid-site") && l.contains("tiny-site"));
    }
}
