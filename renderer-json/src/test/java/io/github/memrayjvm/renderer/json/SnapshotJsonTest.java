package io.github.memrayjvm.renderer.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static SessionState twoTrackers() throws Exception {
        SessionState state = new SessionState(new SessionInfo(77, "App \"quoted\"\n", "17.0.15",
                0, 250, List.of(
                new TrackerDescriptor("jfr", Memory.JAVA_HEAP, Figures.ALLOCATED, true, false, "",
                        "JFR samples"),
                new TrackerDescriptor("native", Memory.NATIVE, Figures.LIVE, false, true,
                        "native", "")),
                List.of("heap", "native")));
        state.apply(new Definitions(0, List.of(
                new Location("App.main", "App.java", Domain.JAVA),
                new Location("App.work", "App.java", Domain.JAVA),
                new Location("malloc", "libc.so.6", Domain.NATIVE)),
                0, List.of(new int[] {1, 0}, new int[] {0}, new int[] {2, 1, 0}),
                List.of(new ThreadInfo(1, "main"), new ThreadInfo(9, "worker"))));
        state.apply(new Counters(0, false, List.of(
                new Counter(1, 0, 3000, 3, 0, 0), new Counter(9, 0, 1000, 1, 0, 0),
                new Counter(1, 1, 500, 5, 0, 0))));
        state.apply(new Counters(1, false, List.of(new Counter(9, 2, 8192, 4, 4096, 2))));
        state.apply(new Sample(3, 750, List.of(new HistoryPoint(3, 750, new long[] {10_000, 4096})),
                new long[] {12_000, 8192}, 0));
        return state;
    }

    @Test
    void aSnapshotLineHasTheDocumentedKeysAndFigures() throws Exception {
        JsonNode json = MAPPER.readTree(SnapshotJson.snapshot(twoTrackers()));
        assertThat(json.get("type").asText()).isEqualTo("snapshot");
        assertThat(json.get("sample").asLong()).isEqualTo(3);
        assertThat(json.get("pid").asLong()).isEqualTo(77);
        assertThat(json.get("command").asText()).isEqualTo("App \"quoted\"\n");
        assertThat(json.get("elapsedMillis").asLong()).isEqualTo(750);
        assertThat(json.at("/heap/current").asLong()).isEqualTo(10_000);
        assertThat(json.at("/heap/peak").asLong()).isEqualTo(12_000);
        assertThat(json.at("/native/current").asLong()).isEqualTo(4096);
        assertThat(json.get("heap").has("liveSampled"))
                .as("no Java-heap tracker here reports frees").isFalse();
        assertThat(json.at("/trackers/0/name").asText()).isEqualTo("jfr");
        assertThat(json.at("/trackers/0/figures").asText()).isEqualTo("allocated");
        assertThat(json.at("/trackers/0/estimate").asBoolean()).isTrue();
        assertThat(json.at("/trackers/1/figures").asText()).isEqualTo("live");
        assertThat(json.get("threads")).hasSize(2);
        assertThat(json.at("/threads/1/name").asText()).isEqualTo("worker");

        JsonNode locations = json.get("locations");
        long previous = Long.MAX_VALUE;
        for (JsonNode location : locations) {
            assertThat(location.get("total").asLong()).isLessThanOrEqualTo(previous);
            previous = location.get("total").asLong();
        }
        JsonNode main = find(locations, "App.main", "jfr");
        assertThat(main.get("total").asLong()).isEqualTo(4500);
        assertThat(main.get("own").asLong()).isEqualTo(500);
        assertThat(main.get("allocations").asLong()).isEqualTo(9);
        assertThat(main.get("domain").asText()).isEqualTo("java");
        assertThat(main.at("/byThread/9/total").asLong()).isEqualTo(1000);
        assertThat(main.at("/byThread/1/own").asLong()).isEqualTo(500);
        assertThat(main.has("live")).isFalse();

        JsonNode malloc = find(locations, "malloc", "native");
        assertThat(malloc.get("domain").asText()).isEqualTo("native");
        assertThat(malloc.get("own").asLong()).isEqualTo(4096);
        assertThat(malloc.at("/live/own").asLong()).isEqualTo(4096);
        assertThat(malloc.at("/allocated/own").asLong()).isEqualTo(8192);
        assertThat(malloc.at("/live/allocations").asLong()).isEqualTo(2);
    }

    @Test
    void aJavaHeapTrackerThatReportsFreesAddsTheLiveHeapItAccountsFor() throws Exception {
        SessionState state = new SessionState(new SessionInfo(1, "App", "17", 0, 250, List.of(
                new TrackerDescriptor("jvmti", Memory.JAVA_HEAP, Figures.ALLOCATED, true, true,
                        "", "")), List.of("heap")));
        state.apply(new Definitions(0, List.of(new Location("App.keep", "App.java", Domain.JAVA),
                new Location("App.drop", "App.java", Domain.JAVA)), 0,
                List.of(new int[] {0}, new int[] {1}), List.of(new ThreadInfo(1, "main"))));
        state.apply(new Counters(0, false, List.of(new Counter(1, 0, 1000, 10, 0, 0),
                new Counter(1, 1, 4000, 40, 3900, 39))));
        state.apply(new Sample(1, 250, List.of(new HistoryPoint(1, 250, new long[] {9000})),
                new long[] {9000}, 0));
        JsonNode json = MAPPER.readTree(SnapshotJson.snapshot(state));
        assertThat(json.at("/heap/liveSampled").asLong()).isEqualTo(1100);
        JsonNode drop = find(json.get("locations"), "App.drop", "jvmti");
        assertThat(drop.get("own").asLong()).as("main figures: allocated").isEqualTo(4000);
        assertThat(drop.at("/live/own").asLong()).isEqualTo(100);
        assertThat(drop.at("/live/allocations").asLong()).isEqualTo(1);
    }

    @Test
    void theLastLineSaysDisconnected() throws Exception {
        SessionState state = twoTrackers();
        state.apply(new End(3, "program exited"));
        JsonNode json = MAPPER.readTree(SnapshotJson.disconnected(state));
        assertThat(json.get("type").asText()).isEqualTo("disconnected");
        assertThat(json.get("sample").asLong()).isEqualTo(3);
        assertThat(json.get("reason").asText()).isEqualTo("program exited");
    }

    static JsonNode find(JsonNode locations, String function, String tracker) {
        for (JsonNode location : locations) {
            if (location.get("function").asText().equals(function)
                    && location.get("tracker").asText().equals(tracker)) {
                return location;
            }
        }
        throw new AssertionError(function + " not in " + locations);
    }
}
