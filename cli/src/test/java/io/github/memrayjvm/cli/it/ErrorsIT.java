package io.github.memrayjvm.cli.it;

import static io.github.memrayjvm.cli.it.CliProcess.testClasspath;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.WireCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear line and a non-zero status, never a stack trace. */
class ErrorsIT {

    static final Duration LONG = Duration.ofSeconds(60);

    static void assertOneLineError(CliProcess process, int status, String message)
            throws InterruptedException {
        assertThat(process.waitFor(LONG)).isEqualTo(status);
        List<String> err = process.err();
        assertThat(err).isNotEmpty();
        assertThat(err.get(0)).startsWith("memray: ").contains(message);
        assertThat(String.join("\n", err)).doesNotContain("\tat ", "Exception");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        try (CliProcess p = CliProcess.start("run", "--live", "--bogus", "App")) {
            assertOneLineError(p, 2, "Unknown option: '--bogus'");
        }
        try (CliProcess p = CliProcess.start("live", "--bogus", "1")) {
            assertOneLineError(p, 2, "Unknown option");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws Exception {
        try (CliProcess p = CliProcess.start("run", "--live", "--live-port", "70000", "App")) {
            assertOneLineError(p, 2, "--live-port must be from 1 to 65535");
        }
        try (CliProcess p = CliProcess.start("live", "0")) {
            assertOneLineError(p, 2, "PORT must be from 1 to 65535");
        }
    }

    @Test
    void aTakenPortStopsBeforeTheProgramRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
             CliProcess p = CliProcess.start("run", "--live", "--live-port",
                     Integer.toString(taken.getLocalPort()), "-cp", testClasspath(),
                     EchoProgram.class.getName())) {
            assertOneLineError(p, 1, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(p.err().get(0)).as("said once").containsOnlyOnce("cannot listen on");
            assertThat(p.out()).isEmpty();
        }
    }

    @Test
    void anUnknownTrackerListsTheTrackersFound() throws Exception {
        try (CliProcess p = CliProcess.start("run", "--live", "--tracker", "nope", "-cp",
                testClasspath(), EchoProgram.class.getName())) {
            assertOneLineError(p, 1, "unknown tracker 'nope'; available: ");
            assertThat(p.err().get(0)).contains("jfr");
            assertThat(p.out()).isEmpty();
        }
    }

    @Test
    void anUnknownRendererListsTheRenderersFound() throws Exception {
        try (CliProcess p = CliProcess.start("live", "1", "--renderer", "nope")) {
            assertOneLineError(p, 1, "unknown renderer 'nope'; available: ");
            assertThat(p.err().get(0)).contains("json");
        }
    }

    @Test
    void nothingListeningIsWaitedForVisiblyThenGivenUp() throws Exception {
        int port = FreePort.find();
        try (CliProcess p = CliProcess.start("live", Integer.toString(port), "--timeout", "1",
                "--renderer", "json")) {
            assertThat(p.waitFor(LONG)).isEqualTo(1);
            assertThat(p.err()).containsExactly(
                    "memray: waiting for 'memray run --live' to listen on 127.0.0.1:" + port
                            + " (Ctrl-C to stop)",
                    "memray: nothing is listening on 127.0.0.1:" + port
                            + " (waited 1 s); is 'memray run --live' running there?");
        }
    }

    @Test
    void aPeerThatIsNotMemrayIsNamedAsSuch() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread server = new Thread(() -> {
                try (Socket client = http.accept()) {
                    client.getInputStream().read(new byte[64]);
                    client.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(2000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            try (CliProcess p = CliProcess.start("live", Integer.toString(http.getLocalPort()),
                    "--renderer", "json")) {
                assertOneLineError(p, 1, "not a memray server");
            }
        }
    }

    @Test
    void aServerOfAnotherProtocolVersionIsNamedAsSuch() throws Exception {
        try (ServerSocket future = new ServerSocket(0)) {
            Thread server = new Thread(() -> {
                try (Socket client = future.accept()) {
                    InputStream in = client.getInputStream();
                    in.read(new byte[256]);
                    OutputStream out = client.getOutputStream();
                    out.write(WireCodec.encodeFrame(new Hello(99, new SessionInfo(1, "future", "99",
                            0, 250, List.of(), List.of("heap")))));
                    Thread.sleep(2000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            try (CliProcess p = CliProcess.start("live", Integer.toString(future.getLocalPort()),
                    "--renderer", "json")) {
                assertOneLineError(p, 1, "version 99");
            }
        }
    }
}
