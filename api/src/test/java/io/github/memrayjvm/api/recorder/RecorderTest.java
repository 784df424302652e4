package io.github.memrayjvm.api.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireCodec;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecorderTest {

    static final TrackerDescriptor JFR = new TrackerDescriptor("jfr", Memory.JAVA_HEAP,
            Figures.ALLOCATED, true, false, "", "");
    static final TrackerDescriptor NATIVE = new TrackerDescriptor("native", Memory.NATIVE,
            Figures.LIVE, false, true, "native", "");

    final Recorder recorder = new Recorder();
    final AllocationSink java = recorder.addTracker();
    final AllocationSink nativeSink = recorder.addTracker();
    final SessionInfo info;

    RecorderTest() {
        recorder.useGauge(nativeSink, NATIVE.gauge());
        info = recorder.sessionInfo(1, "App", "17", 0, 250, List.of(JFR, NATIVE));
    }

    /** Sends the messages through the real codec, as a transport would. */
    static void deliver(List<Message> messages, SessionState state) throws Exception {
        for (Message message : messages) {
            byte[] frame = WireCodec.encodeFrame(message);
            state.apply(WireCodec.decodeBody(ByteBuffer.wrap(frame, 4, frame.length - 4)));
        }
    }

    static List<Counter> sorted(List<Counter> counters) {
        return counters.stream().sorted(Comparator.comparingLong(Counter::thread)
                .thenComparingInt(Counter::stack)).toList();
    }

    int stackOf(AllocationSink sink, String... functions) {
        int[] ids = new int[functions.length];
        for (int i = 0; i < functions.length; i++) {
            ids[i] = sink.location(functions[i], "X.java", Domain.JAVA);
        }
        return sink.stack(ids);
    }

    @Test
    void internsLocationsAndStacks() {
        int a = java.location("A.a", "A.java", Domain.JAVA);
        assertThat(nativeSink.location("A.a", "A.java", Domain.JAVA)).isEqualTo(a);
        assertThat(java.location("A.a", "A.java", Domain.NATIVE)).isNotEqualTo(a);
        int[] ids = {a, a};
        int s = java.stack(ids);
        ids[0] = 99;
        assertThat(java.stack(new int[] {a, a})).isEqualTo(s);
    }

    @Test
    void aViewerInStepGetsDeltasAndALateViewerTheWholeStateAndBothAgree() throws Exception {
        SessionState early = new SessionState(info);
        ViewerCursor earlyCursor = new ViewerCursor();
        int s1 = stackOf(java, "A.alloc", "A.main");
        java.thread(1, "main");
        java.allocated(1, s1, 100, 1);
        recorder.gauge(0, 5000, 5000);
        recorder.tick(250);
        deliver(recorder.messagesFor(earlyCursor), early);

        int s2 = stackOf(nativeSink, "malloc", "A.main");
        nativeSink.allocated(2, s2, 64, 2);
        nativeSink.freed(2, s2, 32, 1);
        nativeSink.gauge(32, 64);
        java.allocated(1, s1, 50, 1);
        recorder.gauge(0, 4000, 4000);
        recorder.tick(500);
        List<Message> step = recorder.messagesFor(earlyCursor);
        assertThat(step).filteredOn(m -> m instanceof Counters)
                .allSatisfy(m -> assertThat(((Counters) m).absolute()).isFalse());
        deliver(step, early);

        SessionState late = new SessionState(info);
        deliver(recorder.messagesFor(new ViewerCursor()), late);

        for (SessionState state : List.of(early, late)) {
            assertThat(sorted(state.counters(0).snapshot()))
                    .containsExactly(new Counter(1, s1, 150, 2, 0, 0));
            assertThat(sorted(state.counters(1).snapshot()))
                    .containsExactly(new Counter(2, s2, 64, 2, 32, 1));
            assertThat(state.sample()).isEqualTo(2);
            assertThat(state.history()).hasSize(2);
            assertThat(state.current(0)).isEqualTo(4000);
            assertThat(state.peak(0)).isEqualTo(5000);
            assertThat(state.peak(1)).isEqualTo(64);
            assertThat(state.threads()).containsEntry(1L, "main").containsKey(2L);
        }
    }

    @Test
    void aViewerThatFellBehindCatchesUpWithAbsoluteValuesAndNothingCountedTwice() throws Exception {
        SessionState state = new SessionState(info);
        ViewerCursor cursor = new ViewerCursor();
        int s = stackOf(java, "A.alloc");
        java.allocated(1, s, 10, 1);
        recorder.tick(250);
        deliver(recorder.messagesFor(cursor), state);
        for (int i = 0; i < 5; i++) {
            java.allocated(1, s, 10, 1);
            recorder.tick(500 + 250L * i);
            recorder.skipped(cursor);
        }
        java.allocated(1, s, 10, 1); // after the last tick: belongs to the next snapshot
        List<Message> catchUp = recorder.messagesFor(cursor);
        assertThat(catchUp).filteredOn(m -> m instanceof Counters)
                .allSatisfy(m -> assertThat(((Counters) m).absolute()).isTrue());
        deliver(catchUp, state);
        assertThat(state.counters(0).snapshot()).containsExactly(new Counter(1, s, 60, 6, 0, 0));
        assertThat(state.history()).hasSize(6);
        assertThat(state.dropped()).isEqualTo(5);
        recorder.tick(2000);
        deliver(recorder.messagesFor(cursor), state);
        assertThat(state.counters(0).snapshot()).containsExactly(new Counter(1, s, 70, 7, 0, 0));
    }

    @Test
    void largeStatesAreSplitIntoFramesWithinTheLimit() throws Exception {
        for (int i = 0; i < 60_000; i++) {
            int s = stackOf(java, "com.example.deeply.nested.pkg.Generated" + i + ".method",
                    "com.example.Caller.call", "com.example.Main.main");
            java.allocated(i % 1000, s, 8, 1);
        }
        recorder.tick(250);
        List<Message> messages = recorder.messagesFor(new ViewerCursor());
        assertThat(messages.size()).isGreaterThan(4);
        assertThat(messages.get(messages.size() - 1)).isInstanceOf(Sample.class);
        long largest = messages.stream().mapToLong(m -> WireCodec.encodeFrame(m).length).max()
                .orElseThrow();
        assertThat(largest).isLessThan(4L * 1024 * 1024);
        SessionState state = new SessionState(info);
        deliver(messages, state);
        assertThat(state.counters(0).size()).isEqualTo(60_000);
        assertThat(state.stackCount()).isEqualTo(60_000);
    }

    @Test
    void nothingIsSentTwiceForTheSameTick() {
        ViewerCursor cursor = new ViewerCursor();
        recorder.tick(250);
        assertThat(recorder.messagesFor(cursor)).isNotEmpty();
        assertThat(recorder.messagesFor(cursor)).isEmpty();
    }
}
