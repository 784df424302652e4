package io.github.memrayjvm.api.model;

import java.util.Objects;

/**
 * A thread of the tracked program.
 *
 * @param id   an identifier unique within the session: the Java thread id for Java threads
 *             ({@link Thread#getId()}); a tracker that sees threads the JVM does not know
 *             (native-only threads) uses negative ids
 * @param name the thread's name as last seen; never {@code null}
 */
public record ThreadInfo(long id, String name) {

    public ThreadInfo {
        Objects.requireNonNull(name, "name");
    }
}
