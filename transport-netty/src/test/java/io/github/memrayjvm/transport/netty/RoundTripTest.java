package io.github.memrayjvm.transport.netty;

import static io.github.memrayjvm.transport.netty.Fixtures.HELLO;
import static io.github.memrayjvm.transport.netty.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every message type through a real server and a real client over a real socket. */
class RoundTripTest {

    private final TcpTransportProvider transport = new TcpTransportProvider();
    private TransportServer server;
    private ViewerLink link;

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theProviderIsFoundByItsName() {
        assertThat(ServiceLoader.load(io.github.memrayjvm.api.transport.TransportProvider.class)
                .stream().map(ServiceLoader.Provider::get))
                .anySatisfy(provider -> {
                    assertThat(provider.name()).isEqualTo("tcp");
                    assertThat(provider.apiVersion())
                            .isEqualTo(io.github.memrayjvm.api.ApiVersion.CURRENT);
                });
    }

    @Test
    void everyMessageArrivesAsSentAndInOrder() throws Exception {
        Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
        server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);
        link = transport.connect(Fixtures.client(server.localAddress().getPort(),
                Fixtures.greeting("s3cret")));

        assertThat(link.hello()).isEqualTo(HELLO);
        assertThat(handler.greetings.poll()).isEqualTo(Fixtures.greeting("s3cret"));
        ViewerChannel viewer = handler.nextAccepted();
        assertThat(viewer.isOpen()).isTrue();
        assertThat(viewer.isWritable()).isTrue();
        assertThat(viewer.remoteAddress()).startsWith("127.0.0.1:");

        Definitions definitions = new Definitions(0,
                List.of(new Location("com.example.Cache.put", "Cache.java", Domain.JAVA),
                        new Location("malloc", "libc.so.6", Domain.NATIVE)),
                0, List.of(new int[] {0}, new int[] {1, 0}),
                List.of(new ThreadInfo(1, "main"), new ThreadInfo(-7, "native worker")));
        Counters counters = new Counters(0, false,
                List.of(new Counter(1, 1, 4096, 2, 0, 0), new Counter(-7, 0, 10, 1, 10, 1)));
        Sample sample = new Sample(1, 250, List.of(new HistoryPoint(1, 250, new long[] {12345})),
                new long[] {12345}, 0);
        End end = new End(1, "program exited");
        for (Message message : List.of(definitions, counters, sample, end)) {
            viewer.send(message).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        Definitions received = (Definitions) link.poll(WAIT);
        assertThat(received.locations()).isEqualTo(definitions.locations());
        assertThat(received.stacks()).hasSize(2);
        assertThat(received.stacks().get(1)).containsExactly(1, 0);
        assertThat(received.threads()).isEqualTo(definitions.threads());
        assertThat(link.poll(WAIT)).isEqualTo(counters);
        assertThat(link.poll(WAIT)).isEqualTo(sample);
        assertThat(link.poll(WAIT)).isEqualTo(end);
        assertThat(link.poll(Duration.ZERO)).as("the end, for ever after").isEqualTo(end);
    }

    @Test
    void theAnswerGoesFirstEvenWhenTheHandlerSendsFromInsideOnGreeting() throws Exception {
        Sample early = new Sample(1, 0, List.of(), new long[0], 0);
        Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler((greeting, channel) -> {
            channel.send(early);
            return HELLO;
        });
        server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);

        // a Sample before the Hello would fail the handshake ("not a memray server")
        link = transport.connect(Fixtures.client(server.localAddress().getPort(),
                Fixtures.greeting("")));

        assertThat(link.hello()).isEqualTo(HELLO);
        assertThat(link.poll(WAIT)).isEqualTo(early);
    }

    @Test
    void aMessageTooLargeForAFrameFailsItsFutureAndTheConnectionStays() throws Exception {
        Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
        server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);
        link = transport.connect(Fixtures.client(server.localAddress().getPort(),
                Fixtures.greeting("")));
        ViewerChannel viewer = handler.nextAccepted();
        String name = "x".repeat(60_000);
        List<Location> huge = java.util.Collections.nCopies(300,
                new Location(name, "", Domain.OTHER));

        assertThat(viewer.send(new Definitions(0, huge, 0, List.of(), List.of())))
                .failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);

        End end = new End(0, "done");
        viewer.send(end).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(link.poll(WAIT)).isEqualTo(end);
    }
}
