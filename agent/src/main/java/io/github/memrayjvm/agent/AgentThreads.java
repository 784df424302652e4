package io.github.memrayjvm.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes memray's threads: daemons named {@code memray-<purpose>-N}, remembered so trackers can
 * leave out what they allocate. Thread-safe.
 */
final class AgentThreads {

    private final Set<Long> own = ConcurrentHashMap.newKeySet();
    private final AtomicInteger number = new AtomicInteger();

    /** A factory for threads of one purpose (e.g. {@code "tracker-jfr"}). */
    ThreadFactory factory(String purpose) {
        return runnable -> newThread(purpose, runnable);
    }

    /** A new, unstarted daemon thread of memray's. */
    Thread newThread(String purpose, Runnable runnable) {
        Thread thread = new Thread(runnable, "memray-" + purpose + "-" + number.incrementAndGet());
        thread.setDaemon(true);
        own.add(thread.getId());
        return thread;
    }

    /** {@code true} for a thread made here. */
    boolean isOwn(long threadId) {
        return own.contains(threadId);
    }
}
