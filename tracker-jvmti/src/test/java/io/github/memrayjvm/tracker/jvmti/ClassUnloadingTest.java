package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
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
        long unloadedBefore = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();
        int[] loads = new int[1];
        LiveRun run = new LiveRun().run(Map.of("heap-sampling", "1k"), 0, () -> {
            long end = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Class<?> type = new IsolatingLoader(bytes)
                            .loadClass(UnloadableAllocator.class.getName());
                    ((Runnable) type.getDeclaredConstructor().newInstance()).run();
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                if (++loads[0] % 200 == 0) {
                    System.gc();
                }
            }
        });
        long unloaded = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount()
                - unloadedBefore;

        LocationTable table = run.table(Figures.ALLOCATED);
        String runMethod = UnloadableAllocator.class.getName() + ".run";
        String allocate = UnloadableAllocator.class.getName() + ".allocate";
        System.out.printf("class unloading: %d loads, %d classes unloaded, %d rows, sampler %s%n",
                loads[0], unloaded, table.rows().size(), java.util.Arrays.toString(run.statistics()));
        assertThat(unloaded).as("classes unloaded").isGreaterThan(100);
        assertThat(LiveRun.row(table, runMethod).allocations()).isGreaterThan(0);
        assertThat(LiveRun.row(table, allocate).own()).isGreaterThan(0);
        assertThat(LiveRun.row(table, allocate).location().file()).isEqualTo("UnloadableAllocator.java");
        assertThat(table.rows()).noneMatch(r -> r.location().function().equals("?.?"));
        assertThat(run.statistics()[NativeSampler.SAMPLES]).isGreaterThan(10_000);
        assertThat(run.statistics()[NativeSampler.DROPPED]).isZero();
        assertThat(run.statistics()[NativeSampler.UNFOLLOWED]).isZero();
    }

    private static byte[] classBytes() throws IOException {
        String resource = UnloadableAllocator.class.getSimpleName() + ".class";
        try (InputStream in = UnloadableAllocator.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
