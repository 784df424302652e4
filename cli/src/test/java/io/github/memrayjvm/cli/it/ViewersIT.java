package io.github.memrayjvm.cli.it;

import static io.github.memrayjvm.cli.it.CliProcess.testClasspath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.session.RemoteSession;
import io.github.memrayjvm.api.session.SessionEvent;
import io.github.memrayjvm.api.transport.ClientConfig;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.transport.netty.TcpTransportProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Viewers come, go and stall; the program neither notices nor waits, and a viewer that comes
 * later, or catches up, still sees everything.
 */
class ViewersIT {

    static final Duration LONG = Duration.ofSeconds(60);
    static final Pattern SNAPSHOT = Pattern.compile("\"type\":\"snapshot\"");

    static Stream<String> javas() {
        return Jdks.javas();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void aViewerKilledMidRunLeavesTheProgramAloneAndTheNextOneSeesEverythingSoFar(String java)
            throws Exception {
        try (CliProcess run = CliProcess.start("run", "--live", "--java", java, "-cp",
                testClasspath(), LifecycleProgram.class.getName(), "churn", "8", "10", "5",
                "read")) {
            int port = run.awaitPort(LONG);
            JsonLines seenByFirst;
            try (CliProcess first = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                run.awaitOut(Pattern.compile("^progress 2 "), LONG);
                try (CliProcess second = CliProcess.start("live", Integer.toString(port),
                        "--renderer", "json")) {
                    ErrorsIT.assertOneLineError(second, 1, "already being watched");
                    assertThat(second.err().get(0)).contains("--live-viewers");
                }
                first.process().destroyForcibly(); // kill -9
                first.waitFor(LONG);
                seenByFirst = JsonLines.ofComplete(first.out());
            }
            JsonNode lastSeen = seenByFirst.lastSnapshot();
            int after = Math.min(lastProgress(run) + 2, 8);
            run.awaitOut(Pattern.compile("^progress " + after + " "), LONG);

            List<HistoryPoint> history = historySeenByANewViewer(port);
            assertThat(history.get(0).sample()).as("heap history from the start")
                    .isLessThanOrEqualTo(seenByFirst.snapshots().get(0).get("sample").asLong());
            assertThat(history.get(history.size() - 1).sample())
                    .isGreaterThan(lastSeen.get("sample").asLong());

            try (CliProcess next = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                next.awaitOut(SNAPSHOT, LONG);
                run.awaitOut(Pattern.compile("^reading$"), LONG);
                run.writeStdin("end\n");
                assertThat(run.waitFor(LONG)).as("the program's own status").isEqualTo(5);
                List<String> out = run.out();
                assertThat(out).first().isEqualTo("main started churn");
                assertThat(out).last().isEqualTo("done");
                assertThat(out).filteredOn(l -> l.startsWith("progress ")).hasSize(8);
                assertThat(next.waitFor(LONG)).isZero();
                JsonLines seenByNext = JsonLines.of(next.out());
                JsonNode firstOfNext = seenByNext.first();
                assertThat(firstOfNext.get("sample").asLong())
                        .isGreaterThan(lastSeen.get("sample").asLong());
                assertThat(firstOfNext.get("heap").get("peak").asLong())
                        .isGreaterThanOrEqualTo(lastSeen.get("heap").get("peak").asLong());
                assertThat(JsonLines.threadNames(firstOfNext))
                        .containsAll(JsonLines.threadNames(lastSeen));
                for (JsonNode location : lastSeen.get("locations")) {
                    assertThat(JsonLines.total(firstOfNext, location.get("function").asText()))
                            .as("allocated so far at " + location.get("function"))
                            .isGreaterThanOrEqualTo(location.get("total").asLong());
                }
                assertThat(seenByNext.last().get("type").asText()).isEqualTo("disconnected");
            }
        }
    }

    /** Connects as a viewer of its own, takes the first snapshot's heap history, leaves. */
    private static List<HistoryPoint> historySeenByANewViewer(int port) throws Exception {
        Greeting greeting = new Greeting(WireCodec.PROTOCOL_VERSION, "", "reliability-test");
        try (RemoteSession session = new RemoteSession(new TcpTransportProvider().connect(
                new ClientConfig("127.0.0.1", port, greeting, Duration.ofSeconds(10), 256)))) {
            long deadline = System.nanoTime() + LONG.toNanos();
            while (System.nanoTime() < deadline) {
                if (session.awaitUpdate(Duration.ofSeconds(1)) == SessionEvent.SNAPSHOT) {
                    return new ArrayList<>(session.state().history());
                }
            }
        }
        throw new AssertionError("no snapshot within " + LONG);
    }

    @Test
    void aStoppedViewerNeitherSlowsTheProgramNorGrowsItsMemoryAndCatchesUpAfter()
            throws Exception {
        int stopSeconds = 10;
        try (CliProcess run = CliProcess.start("run", "--live", "--heap-sampling", "1024",
                "--interval", "100", "-J-Xms192m", "-J-Xmx192m", "-J-XX:+AlwaysPreTouch",
                "-cp", testClasspath(), LifecycleProgram.class.getName(),
                "churn", Integer.toString(stopSeconds + 10), "16", "0")) {
            int port = run.awaitPort(LONG);
            long program = run.program(LONG).pid();
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                long atTwo = rounds(run, 2);
                long atFour = rounds(run, 4);
                long rssBefore = rssKib(program);
                Signals.send(viewer.process().pid(), "STOP");
                long rssMax = rssBefore;
                for (int s = 5; s <= 4 + stopSeconds; s++) {
                    run.awaitOut(Pattern.compile("^progress " + s + " "), LONG);
                    rssMax = Math.max(rssMax, rssKib(program));
                }
                long atEnd = rounds(run, 4 + stopSeconds);
                Signals.send(viewer.process().pid(), "CONT");

                double before = (atFour - atTwo) / 2.0;
                double stopped = (atEnd - atFour) / (double) stopSeconds;
                System.out.printf("viewer stopped %d s: program rounds/s %.0f before, %.0f while"
                        + " stopped; program RSS %d MiB before, at most %d MiB while stopped%n",
                        stopSeconds, before, stopped, rssBefore / 1024, rssMax / 1024);
                assertThat(stopped).as("the program's pace while the viewer is stopped")
                        .isGreaterThan(before * 0.4);
                assertThat(rssMax - rssBefore).as("the program's memory growth (KiB)")
                        .isLessThan(64 * 1024);

                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                JsonLines seen = JsonLines.of(viewer.out());
                long dropped = seen.lastSnapshot().get("dropped").asLong();
                System.out.printf("the viewer caught up: %d snapshots folded, %d shown%n",
                        dropped, seen.snapshots().size());
                assertThat(dropped).as("snapshots folded while the viewer was stopped")
                        .isPositive();
                assertThat(seen.last().get("type").asText()).isEqualTo("disconnected");
                assertThat(seen.lastSnapshot().get("sample").asLong())
                        .isEqualTo(seen.last().get("sample").asLong());
            }
        }
    }

    private static long rounds(CliProcess run, int second) throws InterruptedException {
        return Long.parseLong(run.awaitOut(Pattern.compile("^progress " + second + " (\\d+)$"),
                LONG).group(1));
    }

    private static int lastProgress(CliProcess run) {
        int last = 0;
        for (String line : run.out()) {
            if (line.startsWith("progress ")) {
                last = Integer.parseInt(line.split(" ")[1]);
            }
        }
        return last;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }
}
