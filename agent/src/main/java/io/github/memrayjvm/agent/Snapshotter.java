package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.recorder.Recorder;

/**
 * Closes a snapshot at a fixed interval on its own thread: lets the trackers flush, reads the
 * heap, ticks the recorder and brings every viewer up to date. Its cost depends on how many
 * stacks changed, not on the allocation rate nor on how fast viewers read.
 */
final class Snapshotter {

    private final Recorder recorder;
    private final HeapGauge heap;
    private final RunningTrackers trackers;
    private final Viewers viewers;
    private final long startNanos;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;

    Snapshotter(Recorder recorder, HeapGauge heap, RunningTrackers trackers, Viewers viewers,
                long startNanos, long intervalMillis, AgentThreads threads) {
        this.recorder = recorder;
        this.heap = heap;
        this.trackers = trackers;
        this.viewers = viewers;
        this.startNanos = startNanos;
        this.intervalMillis = intervalMillis;
        this.thread = threads.newThread("snapshot", this::loop);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            next += intervalMillis * 1_000_000;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // fell behind: do not try to catch up in a burst
            }
            if (running) {
                snapshot();
                viewers.broadcast();
            }
        }
    }

    /** Closes one snapshot (without sending it). Serialized with the loop's own snapshots. */
    synchronized void snapshot() {
        trackers.flushAll();
        long used = heap.used();
        recorder.gauge(0, used, Math.max(used, heap.peakBeforeGc()));
        recorder.tick(elapsedMillis());
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Stops the loop, waiting at most {@code millis} for a snapshot in progress. */
    void stop(long millis) {
        running = false;
        thread.interrupt();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
