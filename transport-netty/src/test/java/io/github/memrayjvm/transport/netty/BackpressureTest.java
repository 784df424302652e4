package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A viewer that stops taking messages stops reading its socket, so the tracked side's channel
 * turns unwritable with little buffered on either side, and writable again once the viewer
 * catches up.
 */
class BackpressureTest {

    private static final int QUEUE_CAPACITY = 4;
    /** Far more than the socket buffers and the water mark together could ever hold. */
    private static final long SAFETY_LIMIT_BYTES = 256L << 20;

    private final TcpTransportProvider transport = new TcpTransportProvider();

    /** A message of about 60 KiB, numbered by its first location id. */
    private static Definitions message(int number) {
        return new Definitions(number,
                List.of(new Location("x".repeat(60_000), "Big.java", Domain.JAVA)),
                0, List.of(), List.of());
    }

    private static boolean becomesWritableWithin(ViewerChannel viewer, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!viewer.isWritable() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return viewer.isWritable();
    }

    @Test
    void aViewerThatDoesNotPollMakesTheChannelUnwritableAndPollingMakesItWritable()
            throws Exception {
        Fixtures.RecordingHandler handler = new Fixtures.RecordingHandler();
        int frameBytes = WireCodec.encodeFrame(message(0)).length;
        try (TransportServer server = transport.listen(Fixtures.server(Duration.ofSeconds(5)), handler);
             TcpViewerLink link = (TcpViewerLink) transport.connect(Fixtures.client(
                     server.localAddress().getPort(), Fixtures.greeting(""),
                     Duration.ofSeconds(5), QUEUE_CAPACITY))) {
            ViewerChannel viewer = handler.nextAccepted();

            // send while writable, as the recorder does, until the channel stays unwritable:
            // the socket buffers take some before the viewer's pushback reaches the sender
            int sent = 0;
            while ((long) sent * frameBytes < SAFETY_LIMIT_BYTES) {
                while (viewer.isWritable() && (long) sent * frameBytes < SAFETY_LIMIT_BYTES) {
                    viewer.send(message(sent++));
                }
                if (!becomesWritableWithin(viewer, Duration.ofMillis(300))) {
                    break;
                }
            }
            long sentBytes = (long) sent * frameBytes;
            assertThat(viewer.isWritable()).as("unwritable after %d bytes", sentBytes).isFalse();
            assertThat(sentBytes).as("bytes taken before the pushback").isLessThan(64L << 20);
            assertThat(link.queued()).as("the viewer's queue stays near its capacity")
                    .isBetween(QUEUE_CAPACITY, QUEUE_CAPACITY + 4);
            System.out.printf("unwritable after %d messages, %d KiB%n", sent, sentBytes >> 10);

            for (int expected = 0; expected < sent; expected++) {
                Message next = link.poll(Fixtures.WAIT);
                assertThat(next).isInstanceOf(Definitions.class);
                assertThat(((Definitions) next).firstLocationId()).isEqualTo(expected);
            }
            assertThat(becomesWritableWithin(viewer, Fixtures.WAIT))
                    .as("writable once the viewer caught up").isTrue();

            viewer.send(message(sent)).get(Fixtures.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(((Definitions) link.poll(Fixtures.WAIT)).firstLocationId()).isEqualTo(sent);
        }
    }
}
