package io.github.memrayjvm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.memrayjvm.examples.workloads.PerThreadSites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The full-screen view in a real terminal (tmux) against a real tracked JVM: the header, the
 * sorted column's marker, thread switching, merging, and "Remote has disconnected" after the
 * program ends, with the terminal given back on quit.
 */
class TextViewIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theLiveViewShowsTheSessionAndFollowsTheKeys() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Tmux.available(), "tmux is not installed (scripts/test installs it)");
        String examples = System.getProperty("memray.examples.jar");
        try (CliProcess run = CliProcess.start("run", "--live", "-cp", examples,
                PerThreadSites.class.getName(), "8", "50")) {
            int port = run.awaitPort(WAIT);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try (Tmux tmux = new Tmux(java + " -jar " + CliProcess.CLI_JAR.toAbsolutePath()
                    + " live " + port + "; echo VIEWER-EXIT=$?; sleep 60", 120, 40)) {
                String screen = tmux.await(s -> s.contains("Samples:") && s.contains("Sites.large"),
                        "the header and the table", WAIT);
                assertThat(screen).contains("PID: " + run.process().descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("java"))
                        .findFirst().orElseThrow().pid());
                assertThat(screen).contains("CMD: io.github.memrayjvm.examples.workloads.PerThr", "Heap:",
                        "peak", "Duration:", "All threads", "<Total>", "Own", "Allocations",
                        "File", "jvmti");

                tmux.send("o");
                tmux.await(s -> s.contains("<Own>") && !s.contains("<Total>"), "<Own>", WAIT);
                tmux.send("a");
                tmux.await(s -> s.contains("<Allocations>") && !s.contains("<Own>"),
                        "<Allocations>", WAIT);

                tmux.send("Right");
                screen = tmux.await(s -> s.contains("Thread 1 of"), "Thread 1 of M", WAIT);
                Matcher first = Pattern.compile("Thread 1 of (\\d+) \\(([^)]*)\\)").matcher(screen);
                assertThat(first.find()).isTrue();
                tmux.send("Right");
                screen = tmux.await(s -> s.contains("Thread 2 of"), "Thread 2 of M", WAIT);
                assertThat(screen).doesNotContain("(" + first.group(2) + ")");

                tmux.send("m");
                tmux.await(s -> s.contains("All threads"), "All threads after m", WAIT);

                assertThat(run.waitFor(WAIT)).isZero();
                screen = tmux.await(s -> s.contains("Remote has disconnected"),
                        "Remote has disconnected", WAIT);
                assertThat(screen).contains("Sites.large");

                tmux.send("q");
                tmux.await(s -> s.contains("VIEWER-EXIT=0"), "the viewer's exit status", WAIT);
            }
        }
    }
}
