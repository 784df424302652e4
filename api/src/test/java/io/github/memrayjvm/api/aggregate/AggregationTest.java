package io.github.memrayjvm.api.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregationTest {

    // locations: 0 main, 1 handle, 2 parse, 3 recurse, 4 alloc
    static final List<Location> LOCATIONS = List.of(
            new Location("App.main", "App.java", Domain.JAVA),
            new Location("App.handle", "App.java", Domain.JAVA),
            new Location("App.parse", "App.java", Domain.JAVA),
            new Location("App.recurse", "App.java", Domain.JAVA),
            new Location("App.alloc", "App.java", Domain.JAVA));

    SessionState state;

    @BeforeEach
    void setUp() throws Exception {
        state = new SessionState(new SessionInfo(1, "App", "17", 0, 250,
                List.of(new TrackerDescriptor("t", Memory.NATIVE, Figures.LIVE, false, true, "",
                        "")),
                List.of("heap")));
        state.apply(new Definitions(0, LOCATIONS, 0, List.of(
                new int[] {2, 1, 0},          // 0: parse <- handle <- main
                new int[] {1, 0},             // 1: handle <- main
                new int[] {4, 3, 3, 3, 0}),   // 2: alloc <- recurse x3 <- main
                List.of(new ThreadInfo(1, "main"), new ThreadInfo(2, "worker"))));
        state.apply(new Counters(0, false, List.of(
                new Counter(1, 0, 600, 6, 100, 1),
                new Counter(1, 1, 300, 3, 300, 3),
                new Counter(2, 2, 100, 1, 0, 0),
                new Counter(2, 0, 400, 4, 0, 0))));
    }

    static Map<String, LocationRow> byName(LocationTable table) {
        return table.rows().stream().collect(Collectors.toMap(r -> r.location().function(),
                Function.identity()));
    }

    @Test
    void ownIsTheInnermostFrameAndTotalEverythingBelow() {
        LocationTable table = Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.empty());
        Map<String, LocationRow> rows = byName(table);
        assertThat(table.bytes()).isEqualTo(1400);
        assertThat(table.allocations()).isEqualTo(14);
        assertThat(rows.get("App.main").total()).isEqualTo(1400);
        assertThat(rows.get("App.main").own()).isZero();
        assertThat(rows.get("App.handle").total()).isEqualTo(1300);
        assertThat(rows.get("App.handle").own()).isEqualTo(300);
        assertThat(rows.get("App.parse").own()).isEqualTo(1000);
        assertThat(rows.get("App.parse").allocations()).isEqualTo(10);
        assertThat(rows.get("App.alloc").ownAllocations()).isEqualTo(1);
    }

    @Test
    void recursionIsCountedOncePerStack() {
        Map<String, LocationRow> rows = byName(
                Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.empty()));
        assertThat(rows.get("App.recurse").total()).isEqualTo(100);
        assertThat(rows.get("App.recurse").allocations()).isEqualTo(1);
        assertThat(rows.get("App.recurse").own()).isZero();
    }

    @Test
    void aThreadsTableHoldsOnlyThatThreadsFigures() {
        LocationTable worker = Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.of(2));
        assertThat(worker.bytes()).isEqualTo(500);
        assertThat(byName(worker).get("App.main").total()).isEqualTo(500);
        assertThat(byName(worker)).doesNotContainKey("App.nothing");
        Map<Long, LocationTable> perThread = Aggregation.byThread(state, 0, Figures.ALLOCATED);
        assertThat(perThread.keySet()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(perThread.get(1L).bytes()).isEqualTo(900);
    }

    @Test
    void liveFiguresSubtractFreesAndDropWhatIsGone() {
        LocationTable live = Aggregation.table(state, 0, Figures.LIVE, OptionalLong.of(1));
        assertThat(live.bytes()).isEqualTo(500);
        Map<String, LocationRow> rows = byName(live);
        assertThat(rows.get("App.parse").own()).isEqualTo(500);
        assertThat(rows.get("App.parse").allocations()).isEqualTo(5);
        assertThat(rows.get("App.handle").own()).isZero();
    }

    @Test
    void sortingIsDescendingByTheChosenFigure() {
        LocationTable table = Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.empty());
        assertThat(table.sorted(SortOrder.TOTAL)).extracting(r -> r.location().function())
                .startsWith("App.main", "App.handle", "App.parse");
        assertThat(table.sorted(SortOrder.OWN).get(0).location().function()).isEqualTo("App.parse");
        assertThat(table.sorted(SortOrder.ALLOCATIONS).get(0).allocations()).isEqualTo(14);
        assertThat(table.percentOfBytes(700)).isEqualTo(50.0);
    }
}
