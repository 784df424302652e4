package io.github.memrayjvm.transport.netty;

import static io.github.memrayjvm.transport.netty.Fixtures.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.memrayjvm.api.transport.RefusedException;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.ProtocolVersionException;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.WireCodec;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who is let in: the handler's answers, and viewers of another protocol version. */
class HandshakeTest {

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private final AtomicInteger viewers = new AtomicInteger();
    /** Accepts one viewer with the token "s3cret"; refuses a wrong token and a second viewer. */
    private final Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler(
            (greeting, channel) -> {
                if (!greeting.token().equals("s3cret")) {
                    return new Refused(Refused.Reason.TOKEN, "wrong token");
                }
                if (viewers.incrementAndGet() > 1) {
                    return new Refused(Refused.Reason.BUSY, "already being watched");
                }
                return HELLO;
            });
    private TransportServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private int listen() throws Exception {
        server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);
        return server.localAddress().getPort();
    }

    @Test
    void aWrongTokenIsRefusedWithTheHandlersReason() throws Exception {
        int port = listen();

        RefusedException refused = catchThrowableOfType(RefusedException.class,
                () -> transport.connect(Fixtures.client(port, Fixtures.greeting("guess"))));

        assertThat(refused.refusal()).isEqualTo(new Refused(Refused.Reason.TOKEN, "wrong token"));
        assertThat(refused).hasMessage("wrong token");
        // a refused connection was offered to the handler: it is neither rejected nor closed
        try (ViewerLink link = transport.connect(Fixtures.client(port, Fixtures.greeting("s3cret")))) {
            assertThat(link.hello()).isEqualTo(HELLO);
        }
        handler.nextClosed();
        assertThat(handler.rejected).isEmpty();
    }

    @Test
    void aSecondViewerIsRefusedAsBusyWhileTheFirstStaysConnected() throws Exception {
        int port = listen();
        try (ViewerLink first = transport.connect(Fixtures.client(port, Fixtures.greeting("s3cret")))) {

            RefusedException refused = catchThrowableOfType(RefusedException.class,
                    () -> transport.connect(Fixtures.client(port, Fixtures.greeting("s3cret"))));

            assertThat(refused.refusal().reason()).isEqualTo(Refused.Reason.BUSY);
            assertThat(first.poll(Duration.ofMillis(50))).as("first viewer still live").isNull();
            assertThat(handler.nextAccepted().isOpen()).isTrue();
        }
    }

    @Test
    void aViewerOfAnotherVersionGetsAVersionErrorAndIsReportedAsRejected() throws Exception {
        int port = listen();
        Greeting future = new Greeting(WireCodec.PROTOCOL_VERSION + 1, "s3cret", "memray 9");

        ProtocolVersionException error = catchThrowableOfType(ProtocolVersionException.class,
                () -> transport.connect(Fixtures.client(port, future)));

        assertThat(error.peerVersion()).isEqualTo(WireCodec.PROTOCOL_VERSION);
        Fixtures.Rejection rejection = handler.nextRejection();
        assertThat(rejection.problem()).contains("version " + (WireCodec.PROTOCOL_VERSION + 1))
                .contains("version " + WireCodec.PROTOCOL_VERSION);
        assertThat(handler.greetings).as("never offered to the handler").isEmpty();
    }

    @Test
    void theVersionRefusalOnTheWireNamesBothVersions() throws Exception {
        int port = listen();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(WireCodec.encodeFrame(
                    new Greeting(7, "s3cret", "memray 9")));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] body = new byte[WireCodec.checkFrameLength(in.readInt())];
            in.readFully(body);

            Refused refused = (Refused) WireCodec.decodeBody(ByteBuffer.wrap(body));

            assertThat(refused.reason()).isEqualTo(Refused.Reason.VERSION);
            assertThat(refused.message()).contains("version 7")
                    .contains("version " + WireCodec.PROTOCOL_VERSION);
            assertThat(in.read()).as("closed after the refusal").isEqualTo(-1);
        }
    }
}
