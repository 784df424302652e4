package io.github.memrayjvm.transport.netty;

import static io.github.memrayjvm.transport.netty.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a live connection ends, as each side sees it. */
class ConnectionEndTest {

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private final Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
    private TransportServer server;
    private ViewerLink link;
    private ViewerChannel viewer;

    @BeforeEach
    void connect() throws Exception {
        server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);
        link = transport.connect(Fixtures.client(server.localAddress().getPort(),
                Fixtures.greeting("")));
        viewer = handler.nextAccepted();
    }

    @AfterEach
    void tearDown() {
        link.close();
        server.close();
    }

    private static Sample sample(long number) {
        return new Sample(number, number * 250, List.of(), new long[0], 0);
    }

    @Test
    void theServersEndArrivesAndStaysTheAnswer() throws Exception {
        End end = new End(3, "program exited");
        viewer.send(sample(3));
        viewer.send(end);
        viewer.close();

        assertThat(link.poll(WAIT)).isEqualTo(sample(3));
        assertThat(link.poll(WAIT)).isEqualTo(end);
        assertThat(link.poll(Duration.ofMillis(10))).isEqualTo(end);
        assertThat(link.poll(Duration.ZERO)).isEqualTo(end);
        assertThat(handler.nextClosed()).isSameAs(viewer);
        assertThat(viewer.isOpen()).isFalse();
    }

    @Test
    void aServerThatGoesAwayLeavesAnEndSayingTheConnectionWasLost() throws Exception {
        viewer.send(sample(7)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        server.close();

        assertThat(link.poll(WAIT)).isEqualTo(sample(7));
        End lost = (End) link.poll(WAIT);
        assertThat(lost.sample()).as("the last sample received").isEqualTo(7);
        assertThat(lost.reason()).startsWith("connection lost: ");
        assertThat(link.poll(Duration.ZERO)).isEqualTo(lost);
        assertThat(handler.nextClosed()).isSameAs(viewer);
    }

    @Test
    void closingAViewerChannelSendsWhatWasQueuedFirst() throws Exception {
        List<CompletableFuture<Void>> written = List.of(viewer.send(sample(1)),
                viewer.send(sample(2)), viewer.send(sample(3)));

        viewer.close();
        viewer.close();

        assertThat(link.poll(WAIT)).isEqualTo(sample(1));
        assertThat(link.poll(WAIT)).isEqualTo(sample(2));
        assertThat(link.poll(WAIT)).isEqualTo(sample(3));
        assertThat(link.poll(WAIT)).isEqualTo(new End(3,
                "connection lost: closed by the tracked side without an end message"));
        assertThat(written).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(handler.nextClosed()).isSameAs(viewer);
        assertThat(viewer.send(sample(4))).failsWithin(WAIT);
    }

    @Test
    void aViewerThatClosesIsReportedClosedOnce() throws Exception {
        link.close();
        link.close();

        assertThat(link.poll(WAIT)).isEqualTo(new End(0, "connection lost: closed by this viewer"));
        assertThat(handler.nextClosed()).isSameAs(viewer);
        server.close(); // whatever else happens, no second report
        assertThat(handler.closeCounts.get(viewer).get()).isEqualTo(1);
        assertThat(handler.closed).isEmpty();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("memray-viewer-io-")) {
                thread.join(WAIT.toMillis()); // its loop has terminated: only the thread's end is left
                assertThat(thread.isAlive()).as("the link's thread %s", thread.getName()).isFalse();
            }
        }
    }

    @Test
    void aBadMessageAfterTheHelloEndsTheLinkWithTheProblem() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket socket = fake.accept()) {
                    InputStream in = socket.getInputStream();
                    in.readNBytes(4);
                    OutputStream out = socket.getOutputStream();
                    out.write(WireCodec.encodeFrame(Fixtures.HELLO));
                    out.write(WireCodec.encodeFrame(sample(5)));
                    out.write(new byte[] {0, 0, 0, 1, 99});
                    out.flush();
                    in.read(); // until the viewer hangs up
                } catch (Exception ignored) {
                    // the test sees what matters
                }
            });
            peer.setDaemon(true);
            peer.start();
            try (ViewerLink fakeLink = transport.connect(Fixtures.client(fake.getLocalPort(),
                    Fixtures.greeting("")))) {
                assertThat(fakeLink.poll(WAIT)).isEqualTo(sample(5));
                assertThat(fakeLink.poll(WAIT)).isEqualTo(new End(5,
                        "connection lost: bad message from the tracked side: unknown message type 99"));
            }
        }
    }
}
