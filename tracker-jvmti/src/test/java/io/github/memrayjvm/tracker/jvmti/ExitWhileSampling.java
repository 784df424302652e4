package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A program that calls {@code System.exit(3)} while three threads allocate as fast as they can
 * under the tracker (nearly every allocation sampled, flushed every 10 ms), closing the tracker
 * from a shutdown hook as the agent does. Prints how long the close took.
 */
public final class ExitWhileSampling {

    static volatile Object sink;

    private ExitWhileSampling() {
    }

    public static void main(String[] args) throws Exception {
        JvmtiTrackerProvider provider = new JvmtiTrackerProvider();
        if (!provider.availability().available()) {
            System.out.println("unavailable: " + provider.availability().reason());
            System.exit(99);
        }
        Recorder recorder = new Recorder();
        Tracker tracker = provider.create(LiveRun.context(Map.of("heap-sampling", "1k"),
                recorder.addTracker()));
        tracker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long start = System.nanoTime();
            tracker.close();
            System.out.println("closed in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }, "memray-shutdown"));
        Thread flusher = new Thread(() -> {
            while (true) {
                tracker.flush();
                LockSupport.parkNanos(10_000_000);
            }
        }, "memray-flusher");
        flusher.setDaemon(true);
        flusher.start();
        for (int i = 0; i < 3; i++) {
            int depth = 5 + 10 * i;
            new Thread(() -> {
                while (true) {
                    allocate(depth);
                }
            }, "allocator-" + i).start();
        }
        Thread.sleep(1000);
        System.exit(3);
    }

    private static void allocate(int depth) {
        if (depth > 0) {
            allocate(depth - 1);
            return;
        }
        for (int i = 0; i < 100; i++) {
            sink = new byte[16 + i * 8];
            sink = new Object[] {sink, String.valueOf(i)};
        }
    }
}
