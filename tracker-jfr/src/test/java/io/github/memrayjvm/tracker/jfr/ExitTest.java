package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker closed from a shutdown hook at the program's exit, racing JFR's own hook (which
 * usually stops the recording first): the JVM must exit normally and promptly, and the events
 * JFR had not flushed yet (about the last second) must still be reported. Forks {@link ExitMain}
 * on this JDK and on JDK 25.
 */
class ExitTest {

    @Test
    void closingAtTheEndOfMainGetsTheLastEventsOnThisJdk() throws Exception {
        check(ForkedJvm.currentJava(), "return");
    }

    @Test
    void closingAtSystemExitGetsTheLastEventsOnThisJdk() throws Exception {
        check(ForkedJvm.currentJava(), "exit");
    }

    @Test
    void closingAtExitGetsTheLastEventsOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(ForkedJvm.JDK25_JAVA), "no JDK 25 at "
                + ForkedJvm.JDK25_JAVA + " (set -Dmemray.jdk25.java=/path/to/bin/java)");
        check(ForkedJvm.JDK25_JAVA, "return");
    }

    private static void check(Path java, String ending) throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(java, List.of(), ExitMain.class,
                List.of("2", ending), Duration.ofMinutes(1));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain("Exception");
        long truth = value(result.stdout(), "TRUTH ");
        long reported = value(result.stdout(), "REPORTED ");
        System.out.println(java + " (" + ending + "): close took " + result.stdout().stream()
                .filter(l -> l.startsWith("CLOSE_MS ")).map(l -> l.substring(9)).findFirst()
                .orElse("?") + " ms, reported " + reported + " of " + truth + " bytes");
        // JFR delivers events up to about a second late: without the final read at close,
        // a quarter to a half of this two-second run would be missing.
        assertThat((double) reported).isGreaterThan(0.9 * truth);
    }

    private static long value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix))
                .map(l -> Long.parseLong(l.substring(prefix.length()).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "line in " + lines));
    }
}
