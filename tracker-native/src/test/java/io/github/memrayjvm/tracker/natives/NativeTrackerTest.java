package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.TrackerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The Java side's drain logic, on prepared drains (no library). */
class NativeTrackerTest {

    private static final long JAVA = NativeBridge.JAVA_FRAME;

    private final FakeSource source = new FakeSource();
    private final RecordingSink sink = new RecordingSink();
    private final Set<Long> own = Set.of(99L);

    @Test
    void describesExactLiveNativeMemoryOrASampledEstimate() {
        assertThat(tracker(new NativeOptions(0, true)).descriptor()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("native");
            assertThat(d.memory()).isEqualTo(Memory.NATIVE);
            assertThat(d.figures()).isEqualTo(Figures.LIVE);
            assertThat(d.estimate()).isFalse();
            assertThat(d.reportsFrees()).isTrue();
            assertThat(d.gauge()).isEqualTo("native");
        });
        assertThat(tracker(new NativeOptions(512 * 1024, true)).descriptor().estimate()).isTrue();
    }

    @Test
    void reportsDeltasUnderTheAllocatingThreadAndStack() {
        NativeTracker tracker = tracker(new NativeOptions(0, true));
        tracker.start();
        // A live Java thread, named by its Java id (the main thread's id differs between JDKs).
        long javaId = currentThreadId();
        String name = Thread.currentThread().getName();
        source.methods.put(0x10L, new String[] {"Lcom/example/App;", "run", "App.java"});
        source.stacks.add(new long[] {1, 1, JAVA | 0x10L});
        source.threads.add(new long[] {2, 4242, javaId, 0});
        source.cells.add(new long[] {1000, 1500, 1, 0, 0, /* cell */ 2, 1, 1500, 2, 500, 1});

        tracker.flush();

        assertThat(sink.locations).containsExactly("com.example.App.run|App.java|JAVA");
        assertThat(sink.events).containsExactly("thread " + javaId + " " + name,
                "alloc " + javaId + " [0] 1500 2", "free " + javaId + " [0] 500 1");
        assertThat(sink.gauges).containsExactly("1000/1500");
        assertThat(source.enabled).isTrue();
        tracker.close();
        assertThat(source.enabled).isFalse();
    }

    @Test
    void memrayThreadsAreNotReportedAndTheirMemoryLeavesTheGauge() {
        NativeTracker tracker = tracker(new NativeOptions(0, true));
        tracker.start();
        source.stacks.add(new long[] {1, 0});
        source.threads.add(new long[] {3, 77, 99, 0});
        source.cells.add(new long[] {5000, 6000, 3, 2000, 0, /* cell */ 3, 1, 2000, 1, 0, 0});

        tracker.flush();

        assertThat(sink.events).isEmpty();
        assertThat(source.ignored).containsExactly(3);
        assertThat(sink.gauges).containsExactly("3000/4000");
    }

    @Test
    void anEmptyStackStillHasAFrame() {
        NativeTracker tracker = tracker(new NativeOptions(0, true));
        tracker.start();
        source.stacks.add(new long[] {1, 0});
        source.threads.add(new long[] {2, 4242, 1, 0});
        source.cells.add(new long[] {8, 8, 1, 0, 0, 2, 1, 8, 1, 0, 0});

        tracker.flush();

        assertThat(sink.locations).containsExactly(Symbolizer.NO_FRAMES.function() + "||NATIVE");
    }

    @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
    private static long currentThreadId() {
        return Thread.currentThread().getId();
    }

    private NativeTracker tracker(NativeOptions options) {
        return new NativeTracker(new Context(), options, () -> source);
    }

    private final class Context implements TrackerContext {
        @Override
        public Map<String, String> options() {
            return Map.of();
        }

        @Override
        public AllocationSink sink() {
            return sink;
        }

        @Override
        public ThreadFactory threadFactory() {
            return Thread::new;
        }

        @Override
        public boolean isOwnThread(long javaThreadId) {
            return own.contains(javaThreadId);
        }

        @Override
        public void warn(String message) {
            sink.events.add("warn " + message);
        }
    }

    private static final class RecordingSink implements AllocationSink {
        final List<String> locations = new ArrayList<>();
        final List<int[]> stacks = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<String> gauges = new ArrayList<>();
        final Map<String, Integer> locationIds = new HashMap<>();

        @Override
        public int location(String function, String file, Domain domain) {
            return locationIds.computeIfAbsent(function + "|" + file + "|" + domain, key -> {
                locations.add(key);
                return locations.size() - 1;
            });
        }

        @Override
        public int stack(int[] locationIds) {
            stacks.add(locationIds.clone());
            return stacks.size() - 1;
        }

        @Override
        public void allocated(long threadId, int stackId, long bytes, long count) {
            events.add("alloc " + threadId + " " + java.util.Arrays.toString(stacks.get(stackId)) + " " + bytes + " " + count);
        }

        @Override
        public void freed(long threadId, int stackId, long bytes, long count) {
            events.add("free " + threadId + " " + java.util.Arrays.toString(stacks.get(stackId)) + " " + bytes + " " + count);
        }

        @Override
        public void thread(long threadId, String name) {
            events.add("thread " + threadId + " " + name);
        }

        @Override
        public void gauge(long current, long peak) {
            gauges.add(current + "/" + peak);
        }
    }
}
