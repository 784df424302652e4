package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.memrayjvm.api.transport.RefusedException;
import io.github.memrayjvm.api.wire.ProtocolVersionException;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a viewer is told when it did not reach a memray server: nothing there, something else
 * there, a silent peer, another version.
 */
class ClientFailureTest {

    private static final Duration HANDSHAKE = Duration.ofMillis(500);

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private final ExecutorService peers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-peer");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void tearDown() {
        peers.shutdownNow();
    }

    @Test
    void nothingListeningIsAConnectExceptionTheCallerMayRetryOn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int closedPort = port;

        assertThatThrownBy(() -> transport.connect(
                Fixtures.client(closedPort, Fixtures.greeting(""), HANDSHAKE, 8)))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("cannot connect to 127.0.0.1:" + closedPort + ": ")
                .hasMessageContaining("refused");
    }

    @Test
    void aPeerAnsweringSomethingElseIsNotAMemrayServer() throws Exception {
        try (ServerSocket peer = fakePeer(in -> "HTTP/1.1 400 Bad Request\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII))) {
            int port = peer.getLocalPort();

            assertThatThrownBy(() -> transport.connect(
                    Fixtures.client(port, Fixtures.greeting(""), HANDSHAKE, 8)))
                    .isExactlyInstanceOf(WireFormatException.class)
                    .hasMessageStartingWith("127.0.0.1:" + port + " is not a memray server (");
        }
    }

    @Test
    void aSilentPeerIsNotAMemrayServerAfterTheHandshakeTimeout() throws Exception {
        try (ServerSocket peer = fakePeer(in -> null)) {
            int port = peer.getLocalPort();

            assertThatThrownBy(() -> transport.connect(
                    Fixtures.client(port, Fixtures.greeting(""), HANDSHAKE, 8)))
                    .isExactlyInstanceOf(WireFormatException.class)
                    .hasMessage("127.0.0.1:" + port + " is not a memray server"
                            + " (no answer to the greeting within 500 ms)");
        }
    }

    @Test
    void aPeerThatHangsUpFailsWithAClearMessage() throws Exception {
        try (ServerSocket peer = fakePeer(in -> new byte[0])) {
            int port = peer.getLocalPort();

            assertThatThrownBy(() -> transport.connect(
                    Fixtures.client(port, Fixtures.greeting(""), HANDSHAKE, 8)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("127.0.0.1:" + port
                            + " closed the connection without answering the greeting");
        }
    }

    @Test
    void aHelloOfAnotherVersionIsAVersionError() throws Exception {
        try (ServerSocket peer = fakePeer(in -> handshakeFrame(2, 9))) {
            int port = peer.getLocalPort();

            ProtocolVersionException error = catchThrowableOfType(ProtocolVersionException.class,
                    () -> transport.connect(Fixtures.client(port, Fixtures.greeting(""),
                            HANDSHAKE, 8)));

            assertThat(error.peerVersion()).isEqualTo(9);
        }
    }

    @Test
    void aVersionRefusalFromAPeerOfAnotherVersionIsAVersionError() throws Exception {
        byte[] refusal = WireCodec.encodeFrame(new Refused(Refused.Reason.VERSION, "upgrade"));
        refusal[4 + 1 + 8] = 0; // the version in the refusal's header: 9
        refusal[4 + 1 + 8 + 1] = 9;
        try (ServerSocket peer = fakePeer(in -> refusal)) {
            int port = peer.getLocalPort();

            ProtocolVersionException error = catchThrowableOfType(ProtocolVersionException.class,
                    () -> transport.connect(Fixtures.client(port, Fixtures.greeting(""),
                            HANDSHAKE, 8)));

            assertThat(error.peerVersion()).isEqualTo(9);
        }
    }

    @Test
    void anyOtherRefusalIsARefusal() throws Exception {
        Refused busy = new Refused(Refused.Reason.BUSY, "already being watched");
        try (ServerSocket peer = fakePeer(in -> WireCodec.encodeFrame(busy))) {
            int port = peer.getLocalPort();

            RefusedException error = catchThrowableOfType(RefusedException.class,
                    () -> transport.connect(Fixtures.client(port, Fixtures.greeting(""),
                            HANDSHAKE, 8)));

            assertThat(error.refusal()).isEqualTo(busy);
        }
    }

    @Test
    void anUnknownHostIsSaidPlainly() {
        assertThatThrownBy(() -> transport.connect(new io.github.memrayjvm.api.transport.ClientConfig(
                "no-such-host.invalid", 4242, Fixtures.greeting(""), HANDSHAKE, 8)))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("cannot connect to no-such-host.invalid:4242: unknown host"
                        + " no-such-host.invalid");
    }

    /** A Greeting-, Hello- or Refused-shaped body header: type, magic, version; nothing more. */
    private static byte[] handshakeFrame(int type, int version) {
        byte[] magic = "MEMRAYJV".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(4 + 1 + magic.length + 2);
        frame.putInt(1 + magic.length + 2).put((byte) type).put(magic).putShort((short) version);
        return frame.array();
    }

    private interface Answer {
        /** What to send once the greeting's first bytes arrived; {@code null}: stay silent. */
        byte[] to(InputStream in) throws IOException;
    }

    /** A one-connection peer on a free port that reads a little, answers, and hangs up. */
    private ServerSocket fakePeer(Answer answer) throws IOException {
        ServerSocket listening = new ServerSocket(0);
        peers.submit(() -> {
            try (Socket socket = listening.accept()) {
                InputStream in = socket.getInputStream();
                byte[] first = in.readNBytes(4);
                assertThat(first).hasSize(4);
                byte[] reply = answer.to(in);
                if (reply == null) {
                    Thread.sleep(Long.MAX_VALUE); // silent until the test ends
                }
                OutputStream out = socket.getOutputStream();
                out.write(Arrays.copyOf(reply, reply.length));
                out.flush();
            }
            return null;
        });
        return listening;
    }
}
