package io.github.memrayjvm.transport.netty;

import static io.github.memrayjvm.transport.netty.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding, the server's own threads, and closing. */
class ServerLifecycleTest {

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private final Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();

    private static ServerConfig config(String host, int port, Fixtures.CountingThreads threads) {
        return new ServerConfig(host, port, threads, Duration.ofSeconds(5));
    }

    @Test
    void portZeroBindsAFreePortOnTheGivenHost() throws Exception {
        try (TransportServer server = transport.listen(Fixtures.server(WAIT), handler)) {
            assertThat(server.localAddress().getPort()).isPositive();
            assertThat(server.localAddress().getAddress())
                    .isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void aTakenPortIsABindExceptionNamingTheAddressAndLeavesNoThread() throws Exception {
        Fixtures.CountingThreads threads = new Fixtures.CountingThreads("memray-bind-test");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> transport.listen(config("127.0.0.1", port, threads), handler))
                    .isExactlyInstanceOf(BindException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
        assertAllStopped(threads.made);
    }

    @Test
    void aFixedPortCanBeListenedOnAgainRightAfterTheServerClosedItsConnections()
            throws Exception {
        int port;
        try (TransportServer first = transport.listen(Fixtures.server(WAIT), handler)) {
            port = first.localAddress().getPort();
            try (ViewerLink link = transport.connect(Fixtures.client(port, Fixtures.greeting("")))) {
                handler.nextAccepted();
                first.close(); // the server side closes first: its end of the connection waits
                assertThat(link.poll(WAIT)).isInstanceOf(End.class);
            }
        }

        try (TransportServer again = transport.listen(config("127.0.0.1", port,
                new Fixtures.CountingThreads("memray-rebind-test")), handler)) {
            assertThat(again.localAddress().getPort()).isEqualTo(port);
        }
    }

    @Test
    void anAddressOfAnotherMachineCannotBeBound() {
        // 192.0.2.1 is reserved for documentation: never an address of this machine
        assertThatThrownBy(() -> transport.listen(config("192.0.2.1", 0,
                new Fixtures.CountingThreads("memray-bind-test")), handler))
                .isInstanceOf(BindException.class)
                .hasMessageStartingWith("cannot listen on 192.0.2.1:0: ");
    }

    @Test
    void anUnknownHostIsSaidPlainly() {
        assertThatThrownBy(() -> transport.listen(config("no-such-host.invalid", 0,
                new Fixtures.CountingThreads("memray-bind-test")), handler))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("cannot listen on no-such-host.invalid:0: unknown host"
                        + " no-such-host.invalid");
    }

    @Test
    void closingEndsEveryConnectionReportsEachOnceAndStopsTheThreads() throws Exception {
        Fixtures.CountingThreads threads = new Fixtures.CountingThreads("memray-close-test");
        TransportServer server = transport.listen(config("127.0.0.1", 0, threads), handler);
        int port = server.localAddress().getPort();
        ViewerLink first = transport.connect(Fixtures.client(port, Fixtures.greeting("")));
        ViewerLink second = transport.connect(Fixtures.client(port, Fixtures.greeting("")));
        List<ViewerChannel> viewers = List.of(handler.nextAccepted(), handler.nextAccepted());
        try (Socket silent = new Socket("127.0.0.1", port)) {
            // the silent peer is accepted before close(): a viewer's handshake comes after it
            transport.connect(Fixtures.client(port, Fixtures.greeting(""))).close();
            handler.nextAccepted();
            handler.nextClosed();

            server.close();
            server.close();

            assertThat(threads.made).as("one event loop thread").hasSize(1)
                    .allSatisfy(thread -> assertThat(thread.getName()).startsWith("memray-close-test"));
            assertAllStopped(threads.made);
            assertThat(List.of(handler.nextClosed(), handler.nextClosed()))
                    .containsExactlyInAnyOrderElementsOf(viewers);
            assertThat(handler.nextRejection()).isEqualTo(new Fixtures.Rejection(
                    "127.0.0.1:" + silent.getLocalPort(),
                    "dropped before the greeting: the server is closing"));
            assertThat(((End) first.poll(WAIT)).reason()).startsWith("connection lost: ");
            assertThat(((End) second.poll(WAIT)).reason()).startsWith("connection lost: ");
            assertThat(viewers.get(0).send(new End(0, "late"))).failsWithin(WAIT);
            assertThat(handler.closed).isEmpty();
            assertThat(handler.rejected).isEmpty();
        } finally {
            first.close();
            second.close();
        }
    }

    private static void assertAllStopped(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as(thread.getName()).isFalse();
        }
    }
}
