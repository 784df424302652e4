package io.github.memrayjvm.transport.netty;

import static io.github.memrayjvm.transport.netty.Fixtures.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that are not memray viewers: each is dropped and reported once, and the server goes on
 * accepting real viewers.
 */
class GarbageClientTest {

    /** The start of a TLS 1.2 ClientHello, as a browser or curl sends it. */
    private static final byte[] TLS_CLIENT_HELLO = HexFormat.of().parseHex(
            "160301012c010001280303" + "5a".repeat(32) + "00" + "0004c02fc030" + "0100");
    private static final Duration GREETING_TIMEOUT = Duration.ofMillis(400);

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private final Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
    private TransportServer server;
    private int port;

    @BeforeEach
    void listen() throws Exception {
        server = transport.listen(Fixtures.server(GREETING_TIMEOUT), handler);
        port = server.localAddress().getPort();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("an HTTP request", ascii("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                        "not a memray viewer"),
                Arguments.of("a TLS ClientHello", TLS_CLIENT_HELLO, "not a memray viewer"),
                Arguments.of("a length beyond the frame limit", lengthOnly(WireCodec.MAX_FRAME_BYTES + 1),
                        "outside 1.." + WireCodec.MAX_FRAME_BYTES),
                Arguments.of("a negative length", lengthOnly(-1), "outside"),
                Arguments.of("a zero length", lengthOnly(0), "outside"),
                Arguments.of("a frame too large for a greeting", lengthOnly(1 << 20), "greeting limit"),
                Arguments.of("a frame that does not decode", frame(new byte[] {42, 1, 2, 3}),
                        "unknown message type 42"),
                Arguments.of("a message other than a greeting",
                        WireCodec.encodeFrame(new End(1, "bye")), "instead of a greeting"),
                Arguments.of("random bytes (1)", random(1), ""),
                Arguments.of("random bytes (2)", random(2), ""),
                Arguments.of("random bytes (3)", random(3), ""),
                Arguments.of("a valid length before random bytes", frame(random(4)),
                        "not a memray viewer"),
                Arguments.of("a few random bytes", new byte[] {0, 0, 1}, "no greeting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void isDroppedReportedOnceAndARealViewerStillGetsIn(String what, byte[] bytes, String problem)
            throws Exception {
        String remote;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            remote = "127.0.0.1:" + socket.getLocalPort();
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }

        Fixtures.Rejection rejection = handler.nextRejection();
        assertThat(rejection.remote()).isEqualTo(remote);
        assertThat(rejection.problem()).contains(problem).doesNotContain("\n");

        try (ViewerLink link = transport.connect(Fixtures.client(port, Fixtures.greeting("")))) {
            assertThat(link.hello()).isEqualTo(HELLO);
        }
        handler.nextClosed();
        assertThat(handler.rejected).as("reported once").isEmpty();
        assertThat(handler.greetings).hasSize(1);
    }

    @Test
    void aSilentPeerIsDroppedAtTheGreetingTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertClosedByServer(socket);
            assertThat(handler.nextRejection().problem())
                    .isEqualTo("sent no greeting within 400 ms");
        }
    }

    @Test
    void aPeerThatLeavesWithoutGreetingIsReported() throws Exception {
        String remote;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            remote = "127.0.0.1:" + socket.getLocalPort();
        }
        assertThat(handler.nextRejection())
                .isEqualTo(new Fixtures.Rejection(remote, "closed the connection without greeting"));
    }

    @Test
    void aViewerThatSpeaksAfterItsGreetingIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(WireCodec.encodeFrame(Fixtures.greeting("")));
            handler.nextAccepted();
            socket.getOutputStream().write(WireCodec.encodeFrame(Fixtures.greeting("")));
            byte[] hello = socket.getInputStream().readNBytes(4);
            assertThat(ByteBuffer.wrap(hello).getInt()).isPositive();
            handler.nextClosed();
        }
        assertThat(handler.rejected).isEmpty();
    }

    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout((int) Fixtures.WAIT.toMillis());
        InputStream in = socket.getInputStream();
        try {
            assertThat(in.read()).as("the server closes the connection").isEqualTo(-1);
        } catch (SocketException reset) {
            // closed with unread bytes pending: the peer sees a reset, which is a close too
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] lengthOnly(int length) {
        return ByteBuffer.allocate(4).putInt(length).array();
    }

    private static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static byte[] random(long seed) {
        byte[] bytes = new byte[64];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
