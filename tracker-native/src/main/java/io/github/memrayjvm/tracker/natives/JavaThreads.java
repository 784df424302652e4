package io.github.memrayjvm.tracker.natives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/** The live Java threads' names by id, and OS thread names (Linux {@code /proc}). */
final class JavaThreads {

    /** The live platform threads' names by Java id. */
    @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
    Map<Long, String> snapshot() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(all, true);
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            names.put(all[i].getId(), all[i].getName());
        }
        return names;
    }

    /** The OS name of a thread of this process, or null when it is gone. */
    static String osName(int tid) {
        Path comm = Paths.get("/proc/self/task/" + tid + "/comm");
        try {
            return new String(Files.readAllBytes(comm), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
