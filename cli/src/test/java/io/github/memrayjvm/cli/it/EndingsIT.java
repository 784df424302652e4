package io.github.memrayjvm.cli.it;

import static io.github.memrayjvm.cli.it.CliProcess.testClasspath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a tracked program can end: {@code memray run} ends with the program's status, the
 * viewer gets the last snapshot and "disconnected", and neither a process nor the port is left
 * behind.
 */
class EndingsIT {

    static final Duration LONG = Duration.ofSeconds(60);

    /** Who gets the signal. */
    enum Target { PROGRAM, MEMRAY_RUN }

    record Ending(String name, List<String> jvmOptions, List<String> programArgs, String signal,
                  Target target, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> endingsOnEachJdk() {
        return Jdks.javas().flatMap(java -> endings().map(ending -> Arguments.of(ending,
                java.contains("25") ? "JDK 25" : "JDK " + Runtime.version().feature(), java)));
    }

    static Stream<Ending> endings() {
        return Stream.of(
                new Ending("main returns", List.of(), List.of("return"), null, null, 0),
                new Ending("System.exit(3)", List.of(), List.of("exit", "3"), null, null, 3),
                new Ending("uncaught exception", List.of(), List.of("throw"), null, null, 1),
                new Ending("OutOfMemoryError", List.of("-J-Xmx48m"), List.of("oom"), null, null, 1),
                new Ending("SIGINT to the program", List.of(), List.of("wait"), "INT",
                        Target.PROGRAM, 130),
                new Ending("SIGTERM to the program", List.of(), List.of("wait"), "TERM",
                        Target.PROGRAM, 143),
                new Ending("SIGINT to memray run", List.of(), List.of("wait"), "INT",
                        Target.MEMRAY_RUN, 130),
                new Ending("SIGTERM to memray run", List.of(), List.of("wait"), "TERM",
                        Target.MEMRAY_RUN, 143));
    }

    @BeforeAll
    static void signalsCanBeReset() {
        assumeThat(Signals.canResetDefaults()).as("GNU env --default-signal").isTrue();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("endingsOnEachJdk")
    void theStatusIsTheProgramsAndTheViewerGetsTheLastSnapshotThenDisconnected(Ending ending,
            String jdk, String java) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--live", "--java", java));
        args.addAll(ending.jvmOptions());
        args.addAll(List.of("-cp", testClasspath(), LifecycleProgram.class.getName()));
        args.addAll(ending.programArgs());
        try (CliProcess run = CliProcess.startWithDefaultSignals(args.toArray(String[]::new))) {
            int port = run.awaitPort(LONG);
            ProcessHandle program = run.program(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                if (ending.signal() != null) {
                    run.awaitOut(Pattern.compile("^waiting$"), LONG);
                    viewer.awaitOut(Pattern.compile("\"type\":\"snapshot\""), LONG);
                    long pid = ending.target() == Target.PROGRAM ? program.pid()
                            : run.process().pid();
                    Signals.send(pid, ending.signal());
                }
                assertThat(run.waitFor(LONG)).as("memray run's status").isEqualTo(ending.status());
                assertThat(run.out()).first().isEqualTo("main started " + ending.programArgs().get(0));
                assertThat(viewer.waitFor(LONG)).as("the viewer's status").isZero();

                JsonLines lines = JsonLines.of(viewer.out());
                JsonNode end = lines.last();
                assertThat(end.get("type").asText()).isEqualTo("disconnected");
                assertThat(end.get("reason").asText()).isEqualTo("program exited");
                JsonNode last = lines.all().get(lines.all().size() - 2);
                assertThat(last.get("type").asText()).isEqualTo("snapshot");
                assertThat(last.get("sample").asLong()).isEqualTo(end.get("sample").asLong());
                assertThat(last.get("pid").asLong()).isEqualTo(program.pid());
                assertThat(JsonLines.totalOwn(last)).as("the program's allocations so far")
                        .isPositive();
            }
            assertNothingLeftBehind(program, port);
        }
    }

    @Test
    void ctrlCBeforeAnyViewerStopsCleanly() throws Exception {
        try (CliProcess run = CliProcess.startWithDefaultSignals("run", "--live", "-cp",
                testClasspath(), LifecycleProgram.class.getName(), "wait")) {
            int port = run.awaitPort(LONG);
            ProcessHandle program = run.program(LONG);
            Signals.send(run.process().pid(), "INT");
            assertThat(run.waitFor(LONG)).isEqualTo(130);
            assertThat(run.out()).as("main never ran").isEmpty();
            assertThat(run.err()).containsExactly(
                    "Run 'memray live " + port + "' in another shell to see live results");
            assertNothingLeftBehind(program, port);
        }
    }

    static void assertNothingLeftBehind(ProcessHandle program, int port)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (program.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(program.isAlive()).as("the program's JVM is gone").isFalse();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
    }
}
