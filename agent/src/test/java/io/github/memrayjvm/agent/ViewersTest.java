package io.github.memrayjvm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ViewersTest {

    static final long SECOND = 1_000_000_000L;

    /** A viewer connection whose reading the test decides. */
    static final class FakeChannel implements ViewerChannel {
        final String address;
        final List<Message> sent = new ArrayList<>();
        boolean writable = true;
        boolean open = true;

        FakeChannel(String address) {
            this.address = address;
        }

        @Override
        public String remoteAddress() {
            return address;
        }

        @Override
        public boolean isWritable() {
            return writable;
        }

        /** While set, the first send from the thread named "loop" waits for it. */
        volatile CountDownLatch gate;

        @Override
        public CompletableFuture<Void> send(Message message) {
            CountDownLatch g = gate;
            if (g != null && Thread.currentThread().getName().equals("loop")) {
                gate = null;
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (sent) {
                sent.add(message);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    final AtomicLong now = new AtomicLong(1000 * SECOND);
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Recorder recorder = new Recorder();
    final Viewers viewers = new Viewers(recorder,
            CompletableFuture.completedFuture(recorder.sessionInfo(1, "App", "17", 0, 250,
                    List.of())),
            "s3cret", 1, new AgentLog(new PrintStream(err, true, StandardCharsets.UTF_8)), () -> { },
            now::get, Duration.ofSeconds(30));

    static Greeting greeting(String token) {
        return new Greeting(WireCodec.PROTOCOL_VERSION, token, "test");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedBeforeAnythingIsSent() {
        FakeChannel none = new FakeChannel("10.0.0.1:1");
        FakeChannel wrong = new FakeChannel("10.0.0.1:2");
        assertThat(viewers.onGreeting(greeting(""), none)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refused.Reason.TOKEN));
        assertThat(viewers.onGreeting(greeting("guess"), wrong)).isInstanceOf(Refused.class);
        viewers.broadcast();
        assertThat(none.sent).isEmpty();
        assertThat(wrong.sent).isEmpty();
        assertThat(viewers.anyone()).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "memray: refused a viewer from 10.0.0.1:1: no token\n"
                        + "memray: refused a viewer from 10.0.0.1:2: wrong token\n");
    }

    @Test
    void aViewerThatReadsNothingForTheLimitGivesItsPlaceToANewOne() {
        FakeChannel first = new FakeChannel("127.0.0.1:1");
        assertThat(viewers.onGreeting(greeting("s3cret"), first)).isInstanceOf(Hello.class);
        first.writable = false;
        viewers.broadcast();

        now.addAndGet(29 * SECOND);
        viewers.broadcast();
        assertThat(viewers.onGreeting(greeting("s3cret"), new FakeChannel("127.0.0.1:2")))
                .as("stalled for 29 s").isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(Refused.Reason.BUSY));
        assertThat(first.open).isTrue();

        now.addAndGet(SECOND);
        assertThat(viewers.onGreeting(greeting("s3cret"), new FakeChannel("127.0.0.1:3")))
                .as("stalled for 30 s").isInstanceOf(Hello.class);
        assertThat(first.open).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "memray: dropped the viewer at 127.0.0.1:1: it read nothing for 30 s");
    }

    @Test
    void theLastMessagesNeverOvertakeASnapshotBeingSent() throws Exception {
        FakeChannel viewer = new FakeChannel("127.0.0.1:1");
        viewers.onGreeting(greeting("s3cret"), viewer);
        AllocationSink sink = recorder.addTracker();
        sink.allocated(1, sink.stack(new int[] {sink.location("a", "A.java", Domain.JAVA)}), 100, 1);
        recorder.tick(250);

        CountDownLatch gate = new CountDownLatch(1);
        viewer.gate = gate;
        Thread loop = new Thread(viewers::broadcast, "loop");
        loop.start();
        while (viewer.gate != null) {
            Thread.onSpinWait(); // the loop took its messages and is sending the first
        }
        sink.allocated(1, sink.stack(new int[] {sink.location("b", "B.java", Domain.JAVA)}), 100, 1);
        recorder.tick(500);
        Thread exit = new Thread(() -> viewers.finish(new End(2, "program exited")), "exit");
        exit.start();
        while (exit.getState() != Thread.State.BLOCKED && exit.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        gate.countDown();
        loop.join();
        exit.join();

        assertThat(viewer.sent).filteredOn(Sample.class::isInstance)
                .extracting(m -> ((Sample) m).sample()).containsExactly(1L, 2L);
        assertThat(viewer.sent).filteredOn(Definitions.class::isInstance)
                .extracting(m -> ((Definitions) m).firstLocationId()).containsExactly(0, 1);
        assertThat(viewer.sent.get(viewer.sent.size() - 1)).isInstanceOf(End.class);
    }

    @Test
    void nothingIsSentAfterTheEnd() {
        FakeChannel viewer = new FakeChannel("127.0.0.1:1");
        viewers.onGreeting(greeting("s3cret"), viewer);
        recorder.tick(250);
        viewers.finish(new End(1, "program exited"));
        int sent = viewer.sent.size();
        viewer.open = true;
        recorder.tick(500);
        viewers.broadcast();
        assertThat(viewer.sent).hasSize(sent);
        assertThat(viewer.sent.get(sent - 1)).isInstanceOf(End.class);
    }

    @Test
    void aViewerThatReadsAgainKeepsItsPlace() {
        FakeChannel first = new FakeChannel("127.0.0.1:1");
        viewers.onGreeting(greeting("s3cret"), first);
        first.writable = false;
        viewers.broadcast();
        now.addAndGet(20 * SECOND);
        first.writable = true;
        viewers.broadcast();
        now.addAndGet(20 * SECOND);
        first.writable = false;
        viewers.broadcast();
        now.addAndGet(20 * SECOND);

        assertThat(viewers.onGreeting(greeting("s3cret"), new FakeChannel("127.0.0.1:2")))
                .isInstanceOf(Refused.class);
        assertThat(first.open).isTrue();
    }
}
