package io.github.memrayjvm.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    static SessionState newState() {
        return new SessionState(new SessionInfo(1, "App", "17", 0, 250,
                List.of(new TrackerDescriptor("jfr", Memory.JAVA_HEAP, Figures.ALLOCATED, true,
                        false, "", "")),
                List.of("heap")));
    }

    static Definitions oneStack() {
        return new Definitions(0, List.of(new Location("A.a", "A.java", Domain.JAVA)), 0,
                List.of(new int[] {0}), List.of(new ThreadInfo(1, "main")));
    }

    @Test
    void deltasAddUpAndAbsoluteValuesReplace() throws Exception {
        SessionState state = newState();
        state.apply(oneStack());
        state.apply(new Counters(0, false, List.of(new Counter(1, 0, 10, 1, 0, 0))));
        state.apply(new Counters(0, false, List.of(new Counter(1, 0, 5, 1, 0, 0))));
        assertThat(state.counters(0).snapshot()).containsExactly(new Counter(1, 0, 15, 2, 0, 0));
        state.apply(new Counters(0, true, List.of(new Counter(1, 0, 40, 4, 0, 0))));
        assertThat(state.counters(0).snapshot()).containsExactly(new Counter(1, 0, 40, 4, 0, 0));
    }

    @Test
    void samplesExtendTheHistoryOnceAndKeepPeaks() throws Exception {
        SessionState state = newState();
        state.apply(new Sample(1, 250, List.of(new HistoryPoint(1, 250, new long[] {100})),
                new long[] {100}, 0));
        state.apply(new Sample(2, 500, List.of(new HistoryPoint(1, 250, new long[] {100}),
                new HistoryPoint(2, 500, new long[] {80})), new long[] {120}, 0));
        assertThat(state.history()).extracting(HistoryPoint::sample).containsExactly(1L, 2L);
        assertThat(state.current(0)).isEqualTo(80);
        assertThat(state.peak(0)).isEqualTo(120);
        assertThat(state.sample()).isEqualTo(2);
        assertThat(state.elapsedMillis()).isEqualTo(500);
        assertThat(state.ended()).isFalse();
        state.apply(new End(2, "program exited"));
        assertThat(state.ended()).isTrue();
    }

    @Test
    void inconsistentMessagesAreRefused() throws Exception {
        SessionState state = newState();
        assertThatThrownBy(() -> state.apply(new Definitions(3, List.of(), 0, List.of(), List.of())))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> state.apply(new Definitions(0, List.of(), 0,
                List.of(new int[] {7}), List.of())))
                .hasMessageContaining("unknown location");
        state.apply(oneStack());
        assertThatThrownBy(() -> state.apply(new Counters(0, false,
                List.of(new Counter(1, 9, 1, 1, 0, 0)))))
                .hasMessageContaining("unknown stack");
        assertThatThrownBy(() -> state.apply(new Counters(4, false, List.of())))
                .hasMessageContaining("unknown tracker");
        assertThatThrownBy(() -> state.apply(new Sample(1, 1, List.of(), new long[] {1, 2}, 0)))
                .hasMessageContaining("gauges");
    }
}
