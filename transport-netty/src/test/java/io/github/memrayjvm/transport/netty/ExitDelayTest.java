package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport never holds up the exit of the JVM it runs in: a program that served a viewer
 * (or a viewer that watched one) and returns from {@code main} exits at once. Nothing of Netty's
 * own is left running — its global executor, whose non-daemon thread lingers up to a second, is
 * never started — and nothing is written to standard error (no Netty log, no
 * {@code sun.misc.Unsafe} warning on recent JDKs). Each case runs {@link ForkedProgram} in a JVM
 * of its own, with the {@code java} running this test.
 */
class ExitDelayTest {

    /**
     * JVM teardown takes tens of milliseconds (a few hundred on a loaded machine); Netty's
     * lingering thread would add up to a second. The global executor check above is the exact
     * one; this bound catches any other cause of a late exit.
     */
    private static final long MAX_EXIT_MILLIS = 900;

    @ParameterizedTest(name = "server closed {0}")
    @ValueSource(strings = {"close-in-main", "close-in-hook"})
    void aTrackedProgramThatServedAViewerExitsPromptlyAndSilently(String mode) throws Exception {
        Process child = fork(mode);
        CompletableFuture<Long> exitedAt = child.onExit().thenApply(exited -> System.currentTimeMillis());
        try (BufferedReader out = reader(child)) {
            String portLine = out.readLine();
            assertThat(portLine).as("the child's first line").startsWith("port ");
            try (ViewerLink link = new TcpTransportProvider().connect(Fixtures.client(
                    Integer.parseInt(portLine.substring("port ".length())), Fixtures.greeting("")))) {
                assertThat(link.poll(Fixtures.WAIT)).isEqualTo(new End(0, "program exited"));
            }
            assertPromptQuietExit(child, exitedAt, rest(out), mode);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aViewerThatWatchedAProgramExitsPromptlyAndSilently() throws Exception {
        Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
        try (TransportServer server = new TcpTransportProvider().listen(
                Fixtures.server(Duration.ofSeconds(20)), handler)) {
            Process child = fork("viewer", String.valueOf(server.localAddress().getPort()));
            CompletableFuture<Long> exitedAt = child.onExit().thenApply(exited -> System.currentTimeMillis());
            try (BufferedReader out = reader(child)) {
                handler.nextAccepted().send(new End(0, "program exited"));
                List<String> lines = rest(out);
                assertThat(lines).first().isEqualTo("received End[sample=0, reason=program exited]");
                assertPromptQuietExit(child, exitedAt, lines.subList(1, lines.size()), "viewer");
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static void assertPromptQuietExit(Process child, CompletableFuture<Long> exitedAt,
                                              List<String> lines, String what) throws Exception {
        assertThat(lines).hasSize(3);
        long exitMillis = exitedAt.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS)
                - Long.parseLong(lines.get(2).substring("returning at ".length()));
        String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).isZero();
        assertThat(errors).as("the child's standard error").isEmpty();
        assertThat(lines.get(0)).isEqualTo("non-daemon threads []");
        assertThat(lines.get(1)).isEqualTo("global executor never started");
        assertThat(exitMillis).as("milliseconds from main's return to the exit")
                .isLessThan(MAX_EXIT_MILLIS);
        System.out.printf("%s: exited %d ms after main returned%n", what, exitMillis);
    }

    private static Process fork(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ForkedProgram.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static BufferedReader reader(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
    }

    private static List<String> rest(BufferedReader out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
