package io.github.memrayjvm.renderer.text.demo;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.session.LiveSession;
import io.github.memrayjvm.api.session.SessionEvent;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.renderer.text.ShopSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LiveSession} that makes up a snapshot every 250 ms on the caller's thread: the shop
 * program of {@link ShopSession} whose workload shifts over time (parsing, then caching, then
 * report writing), a heap that grows and collects, and a thread that appears after 8 seconds.
 */
final class DemoSession implements LiveSession {

    private static final int INTERVAL_MILLIS = 250;
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long LATE_THREAD = 40;

    private final SessionState state = new SessionState(ShopSession.INFO);
    private final long start = System.nanoTime();
    private final long endAfterMillis;
    private long heap = 60 * MIB;
    private long nativeBytes = 4 * MIB;
    private final long[] peaks = new long[2];

    DemoSession(long endAfterMillis) {
        this.endAfterMillis = endAfterMillis;
    }

    @Override
    public SessionInfo info() {
        return state.info();
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public SessionEvent awaitUpdate(Duration timeout) throws InterruptedException {
        if (state.ended()) {
            return SessionEvent.ENDED;
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long due = (state.sample() + 1) * INTERVAL_MILLIS;
        if (elapsed < due) {
            Thread.sleep(Math.min(timeout.toMillis(), due - elapsed));
            elapsed = (System.nanoTime() - start) / 1_000_000;
        }
        boolean applied = false;
        while ((state.sample() + 1) * INTERVAL_MILLIS <= elapsed) {
            long n = state.sample() + 1;
            if (n * INTERVAL_MILLIS > endAfterMillis) {
                apply(List.of(new End(state.sample(), "program exited with status 0")));
                return SessionEvent.ENDED;
            }
            apply(snapshot(n));
            applied = true;
        }
        return applied ? SessionEvent.SNAPSHOT : SessionEvent.NONE;
    }

    private List<Message> snapshot(long n) {
        List<Message> messages = new ArrayList<>();
        if (n == 1) {
            messages.add(ShopSession.definitions());
        }
        double seconds = n * INTERVAL_MILLIS / 1000.0;
        if (n == 32) {
            messages.add(new Definitions(state.locations().size(), List.of(),
                    state.stackCount(), List.of(), List.of(new ThreadInfo(LATE_THREAD,
                    "report-writer"))));
        }
        double parsing = 1 + Math.sin(seconds / 5);
        double caching = 1 + Math.cos(seconds / 7);
        double reports = Math.max(0, Math.sin(seconds / 11));
        List<Counter> jfr = new ArrayList<>(List.of(
                counter(ShopSession.MAIN, 0, 300 * KIB * caching, 90),
                counter(ShopSession.MAIN, 1, 900 * KIB * parsing, 2000),
                counter(ShopSession.MAIN, 2, 150 * KIB * caching, 14),
                counter(ShopSession.MAIN, 6, 60 * KIB * parsing, 300),
                counter(ShopSession.WORKER_1, 3, 400 * KIB * reports, 11),
                counter(ShopSession.WORKER_1, 4, 120 * KIB * caching, 7),
                counter(ShopSession.WORKER_1, 5, 30 * KIB, 8),
                counter(ShopSession.WORKER_2, 3, 200 * KIB * reports, 6),
                counter(ShopSession.WORKER_2, 4, 60 * KIB * caching, 4)));
        if (n >= 32) {
            jfr.add(counter(LATE_THREAD, 3, 700 * KIB * (1 + reports), 20));
        }
        messages.add(new Counters(ShopSession.JFR, false, jfr));
        messages.add(new Counters(ShopSession.NATIVE, false, List.of(
                new Counter(ShopSession.WORKER_1, 7, 90 * KIB, 3, (long) (40 * KIB * (1 + reports)), 1),
                new Counter(ShopSession.MAIN, 8, 16 * KIB, 1, 8 * KIB, 0))));
        heap += (long) (14 * MIB * (parsing + caching) / 2);
        if (heap > 380 * MIB) {
            heap = 90 * MIB + (long) (40 * MIB * caching);
        }
        nativeBytes = Math.min(48 * MIB, nativeBytes + (long) (200 * KIB * (1 + reports)));
        peaks[0] = Math.max(peaks[0], heap);
        peaks[1] = Math.max(peaks[1], nativeBytes);
        long elapsed = n * INTERVAL_MILLIS;
        messages.add(new Sample(n, elapsed, List.of(new HistoryPoint(n, elapsed,
                new long[] {heap, nativeBytes})), peaks, 0));
        return messages;
    }

    private static Counter counter(long thread, int stack, double bytes, long allocations) {
        return new Counter(thread, stack, (long) bytes, bytes > 0 ? allocations : 0, 0, 0);
    }

    private void apply(List<Message> messages) {
        ShopSession.apply(state, messages);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
