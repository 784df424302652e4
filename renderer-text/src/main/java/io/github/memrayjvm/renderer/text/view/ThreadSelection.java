package io.github.memrayjvm.renderer.text.view;

import java.util.List;
import java.util.OptionalLong;

/**
 * The thread a view shows, resolved against the threads that exist: all threads merged, one of
 * them (the chosen one, or the first when the chosen one has no figures), or none (one thread
 * was asked for but no thread has figures yet).
 *
 * @param threads the threads to choose from, in order
 * @param index   the index of the thread shown in {@code threads}, or -1 (merged or none)
 * @param merged  {@code true} when all threads are merged
 */
public record ThreadSelection(List<Long> threads, int index, boolean merged) {

    public ThreadSelection {
        threads = List.copyOf(threads);
    }

    /** Resolves the choice of {@code view} against {@code threads}. */
    public static ThreadSelection resolve(ViewState view, List<Long> threads) {
        if (view.merged()) {
            return new ThreadSelection(threads, -1, true);
        }
        if (threads.isEmpty()) {
            return new ThreadSelection(threads, -1, false);
        }
        int index = view.thread().isPresent() ? threads.indexOf(view.thread().getAsLong()) : -1;
        return new ThreadSelection(threads, Math.max(index, 0), false);
    }

    /** The thread filter for the table: empty when merged; a thread that has no figures when none. */
    public OptionalLong filter() {
        if (merged) {
            return OptionalLong.empty();
        }
        return index >= 0 ? OptionalLong.of(threads.get(index)) : OptionalLong.of(Long.MIN_VALUE);
    }

    /** {@code true} when one thread was asked for and none has figures yet. */
    public boolean none() {
        return !merged && index < 0;
    }

    /** The id of the thread shown; only when {@code !merged() && !none()}. */
    public long threadId() {
        return threads.get(index);
    }
}
