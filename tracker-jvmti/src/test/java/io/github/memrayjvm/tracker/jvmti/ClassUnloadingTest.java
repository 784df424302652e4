package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationRow;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.recorder.ViewerCursor;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.tracker.AllocationSink;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.wire.Message;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A program that loads, uses and unloads a class thousands of times while it allocates, with
 * nearly every allocation sampled and the tracker flushed continuously: no crash, and the rows
 * name the unloaded class's methods.
 */
class ClassUnloadingTest {

    /** Defines its own copy of {@link UnloadableAllocator}, so that the copy can unload. */
    static final class IsolatingLoader extends ClassLoader {
        private final byte[] bytes;

        IsolatingLoader(byte[] bytes) {
            super(ClassUnloadingTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(UnloadableAllocator.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void classesUnloadWhileTheirAllocationsAreSampled() throws Exception {
        byte[] bytes = classBytes();
        Recorder recorder = new Recorder();
        AllocationSink sink = recorder.addTracker();
        Tracker tracker = new JvmtiTrackerProvider().create(
                context(Map.of("heap-sampling", "1k"), sink));
        TrackerDescriptor descriptor = tracker.descriptor();
        long unloadedBefore = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            while (running.get()) {
                tracker.flush();
                LockSupport.parkNanos(100_000);
            }
        }, "memray-test-flusher");
        tracker.start();
        flusher.start();
        long end = System.nanoTime() + 3_000_000_000L;
        int loads = 0;
        try {
            while (System.nanoTime() < end) {
                Class<?> type = new IsolatingLoader(bytes).loadClass(UnloadableAllocator.class.getName());
                ((Runnable) type.getDeclaredConstructor().newInstance()).run();
                if (++loads % 200 == 0) {
                    System.gc();
                }
            }
        } finally {
            running.set(false);
            flusher.join();
            tracker.close();
        }
        long unloaded = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount()
                - unloadedBefore;

        LocationTable table = table(recorder, descriptor);
        String run = UnloadableAllocator.class.getName() + ".run";
        String allocate = UnloadableAllocator.class.getName() + ".allocate";
        System.out.printf("class unloading: %d loads, %d classes unloaded, %d rows%n", loads,
                unloaded, table.rows().size());
        assertThat(unloaded).as("classes unloaded").isGreaterThan(100);
        assertThat(row(table, run).allocations()).isGreaterThan(0);
        assertThat(row(table, allocate).own()).isGreaterThan(0);
        assertThat(row(table, allocate).location().file()).isEqualTo("UnloadableAllocator.java");
        assertThat(table.rows()).noneMatch(r -> r.location().function().equals("?.?"));
    }

    private static LocationRow row(LocationTable table, String function) {
        return table.rows().stream().filter(r -> r.location().function().equals(function))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + function));
    }

    private static LocationTable table(Recorder recorder, TrackerDescriptor descriptor)
            throws Exception {
        recorder.tick(1000);
        SessionState state = new SessionState(recorder.sessionInfo(ProcessHandle.current().pid(),
                "test", System.getProperty("java.version"), System.currentTimeMillis(), 250,
                List.of(descriptor)));
        for (Message message : recorder.messagesFor(new ViewerCursor())) {
            state.apply(message);
        }
        return Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.empty());
    }

    private static byte[] classBytes() throws IOException {
        String resource = UnloadableAllocator.class.getSimpleName() + ".class";
        try (InputStream in = UnloadableAllocator.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    static TrackerContext context(Map<String, String> options, AllocationSink sink) {
        return new TrackerContext() {
            @Override
            public Map<String, String> options() {
                return options;
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
                return Thread.currentThread().getName().startsWith("memray-")
                        && Thread.currentThread().getId() == javaThreadId;
            }

            @Override
            public void warn(String message) {
                System.err.println("memray: " + message);
            }
        };
    }
}
