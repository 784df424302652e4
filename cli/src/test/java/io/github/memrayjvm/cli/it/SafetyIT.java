package io.github.memrayjvm.cli.it;

import static io.github.memrayjvm.cli.it.CliProcess.testClasspath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nobody uninvited: loopback unless told otherwise, a warning when not, a secret checked before
 * any data flows, strangers dropped with one line while the program runs on, and what a viewer
 * receives shown as text, never acted on.
 */
class SafetyIT {

    static final Duration LONG = Duration.ofSeconds(60);
    static final String DROPPED = "memray: dropped a connection from ";
    static final String REFUSED = "memray: refused a viewer from ";

    /** The start of a TLS 1.2 ClientHello, as a browser or curl sends it. */
    static final byte[] TLS_CLIENT_HELLO = HexFormat.of().parseHex(
            "160301012c010001280303" + "5a".repeat(32) + "00" + "0004c02fc030" + "0100");

    @Test
    void byDefaultOnlyThisMachineCanConnectAndATokenFromTheEnvironmentIsRequired()
            throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        try (CliProcess run = CliProcess.start(Map.of("MEMRAY_LIVE_TOKEN", "from-env"), "run",
                "--live", "-cp", testClasspath(), LifecycleProgram.class.getName(), "return")) {
            int port = run.awaitPort(LONG);
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), port), 5000);
                }
            }).as("connecting through " + external.get()).isInstanceOf(ConnectException.class);

            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--token", "from-env", "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                assertThat(JsonLines.of(viewer.out()).last().get("type").asText())
                        .isEqualTo("disconnected");
            }
            assertThat(run.err()).as("no warning on loopback").containsExactly(
                    "Run 'memray live " + port + "' in another shell to see live results");
        }
    }

    @Test
    void aNonLoopbackAddressIsWarnedAboutTheTokenIsCheckedFirstAndStrangersAreDropped()
            throws Exception {
        try (CliProcess run = CliProcess.start("run", "--live", "--live-host", "0.0.0.0",
                "--live-token", "s3cret", "--live-viewers", "2", "-cp", testClasspath(),
                LifecycleProgram.class.getName(), "churn", "2", "4", "0", "read")) {
            int port = Integer.parseInt(run.awaitErr(Pattern.compile(
                    "^Run 'memray live (\\d+) --host 0.0.0.0' in another shell"), LONG).group(1));
            assertThat(run.err().get(0)).isEqualTo("memray: listening on 0.0.0.0:" + port
                    + ", not only on this machine: viewers must present the token");

            try (CliProcess none = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                ErrorsIT.assertOneLineError(none, 1, "requires a token");
                assertThat(none.out()).as("no data before the token").isEmpty();
            }
            try (CliProcess wrong = CliProcess.start("live", Integer.toString(port),
                    "--token", "guess", "--renderer", "json")) {
                ErrorsIT.assertOneLineError(wrong, 1, "wrong token");
                assertThat(wrong.out()).as("no data for a wrong token").isEmpty();
            }
            assertThat(run.out()).as("refused viewers do not start the program").isEmpty();

            try (CliProcess viewer = CliProcess.start(Map.of("MEMRAY_LIVE_TOKEN", "s3cret"),
                    "live", Integer.toString(port), "--renderer", "json")) {
                run.awaitOut(Pattern.compile("^progress 1 "), LONG);
                sendGarbage(port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                sendGarbage(port, TLS_CLIENT_HELLO);
                byte[] random = new byte[256];
                new Random(9).nextBytes(random);
                sendGarbage(port, random);
                try (CliProcess another = CliProcess.start("live", Integer.toString(port),
                        "--token", "s3cret", "--renderer", "json")) {
                    another.awaitOut(Pattern.compile("\"type\":\"snapshot\""), LONG);
                    run.awaitOut(Pattern.compile("^reading$"), LONG);
                    run.writeStdin("end\n");
                    assertThat(run.waitFor(LONG)).isZero();
                    assertThat(another.waitFor(LONG)).isZero();
                }
                assertThat(run.out()).last().isEqualTo("done");
                assertThat(viewer.waitFor(LONG)).isZero();

                JsonNode last = JsonLines.of(viewer.out()).lastSnapshot();
                assertThat(JsonLines.threadNames(last)).as("names arrive as text")
                        .contains(LifecycleProgram.HOSTILE_NAME);
                assertThat(String.join("\n", viewer.out())).as("no raw control characters")
                        .doesNotContain("\u001b", "\u0007");
            }
            List<String> err = run.err();
            assertThat(err).filteredOn(l -> l.startsWith(DROPPED)).as("one line per stranger")
                    .hasSize(3);
            assertThat(err).filteredOn(l -> l.startsWith(REFUSED)).satisfiesExactly(
                    l -> assertThat(l).matches(Pattern.quote(REFUSED) + "127\\.0\\.0\\.1:\\d+: no token"),
                    l -> assertThat(l).matches(Pattern.quote(REFUSED) + "127\\.0\\.0\\.1:\\d+: wrong token"));
            assertThat(String.join("\n", err)).doesNotContain("\tat ", "Exception");
        }
    }

    /** Connects, writes {@code bytes} and waits until the program closes the connection. */
    private static void sendGarbage(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) LONG.toMillis());
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            try {
                assertThat(in.read()).as("the program closes the connection").isEqualTo(-1);
            } catch (SocketException reset) {
                // closed with unread bytes pending: a reset is a close too
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
