package io.github.memrayjvm.tracker.natives;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Who the library's threads are, as memray reports them: a Java thread by its Java id and name,
 * any other thread (the JVM's GC and compiler threads, threads of native libraries) by the
 * negative of its OS thread id and its OS name.
 *
 * <p>A thread's Java id is known when it started after tracking began (the library records it
 * on the thread itself) or when it started tracking. For older threads the OS name is matched
 * against the Java threads' names (the JVM names a started thread's OS thread after it, cut to
 * 15 characters): a name that fits exactly one Java thread not already claimed identifies it.
 *
 * <p>Not thread-safe: used by the drainer only.
 */
final class ThreadDirectory {

    /** The id reported for the threads past the library's thread table. */
    static final long OVERFLOW_ID = -(1L << 40);
    /** Linux keeps a thread's name to 15 bytes. */
    static final int OS_NAME_LENGTH = 15;

    /** A thread as reported. */
    record Identity(long id, String name) {
    }

    private static final class Entry {
        final int tid;
        long javaId;
        boolean ignored;
        Identity identity;

        Entry(int tid, long javaId) {
            this.tid = tid;
            this.javaId = javaId;
        }
    }

    private final Map<Integer, Entry> bySerial = new HashMap<>();
    private final IntFunction<String> osName;

    /** @param osName the OS name of a thread by tid, or null when it is gone */
    ThreadDirectory(IntFunction<String> osName) {
        this.osName = osName;
    }

    /** Records what the library says of a thread (it changed). */
    void update(int serial, int tid, long javaId, boolean ignored) {
        Entry entry = bySerial.computeIfAbsent(serial, s -> new Entry(tid, javaId));
        if (javaId != 0 && entry.javaId != javaId) {
            entry.javaId = javaId;
            entry.identity = null;
        }
        entry.ignored |= ignored;
    }

    /** {@code true} when there are threads not identified yet. */
    boolean needsJavaThreads() {
        return bySerial.values().stream().anyMatch(e -> e.identity == null);
    }

    /**
     * Identifies every thread not identified yet and renames Java threads.
     *
     * @param javaThreads the live Java threads' names by id
     */
    void resolve(Map<Long, String> javaThreads) {
        Set<Long> claimed = new HashSet<>();
        for (Entry entry : bySerial.values()) {
            if (entry.javaId != 0) {
                claimed.add(entry.javaId);
            }
        }
        Map<String, Long> uniqueByOsName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        javaThreads.forEach((id, name) -> {
            if (claimed.contains(id)) {
                return;
            }
            String cut = osNameOf(name);
            if (uniqueByOsName.putIfAbsent(cut, id) != null) {
                ambiguous.add(cut);
            }
        });
        ambiguous.forEach(uniqueByOsName::remove);
        for (Map.Entry<Integer, Entry> e : bySerial.entrySet()) {
            Entry entry = e.getValue();
            if (entry.javaId != 0) {
                String name = javaThreads.get(entry.javaId);
                if (entry.identity == null || (name != null && !name.equals(entry.identity.name()))) {
                    entry.identity = new Identity(entry.javaId,
                            name != null ? name : "thread " + entry.javaId);
                }
                continue;
            }
            if (entry.identity != null) {
                continue;
            }
            if (e.getKey() == 1) {
                entry.identity = new Identity(OVERFLOW_ID, "other threads");
                continue;
            }
            String os = osName.apply(entry.tid);
            Long javaId = os == null ? null : uniqueByOsName.remove(os);
            if (javaId != null) {
                entry.javaId = javaId;
                entry.identity = new Identity(javaId, javaThreads.get(javaId));
            } else {
                entry.identity = new Identity(-entry.tid, os != null ? os : "thread " + entry.tid);
            }
        }
    }

    /** The identity of a thread, or null when it is unknown or not resolved yet. */
    Identity identity(int serial) {
        Entry entry = bySerial.get(serial);
        return entry == null ? null : entry.identity;
    }

    /** {@code true} when the library ignores this thread (one of memray's). */
    boolean ignored(int serial) {
        Entry entry = bySerial.get(serial);
        return entry != null && entry.ignored;
    }

    static String osNameOf(String javaName) {
        byte[] bytes = javaName.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= OS_NAME_LENGTH) {
            return javaName;
        }
        return new String(bytes, 0, OS_NAME_LENGTH, java.nio.charset.StandardCharsets.UTF_8);
    }
}
