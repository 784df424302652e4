package io.github.memrayjvm.bench.floor;

import java.lang.instrument.Instrumentation;

/**
 * Row 1's other floor: a {@code -javaagent} that does nothing. What the JVM does for any Java
 * agent (the instrument library, its class-file hook, the {@code java.instrument} module) is paid
 * by memray's agent too, before it tracks anything. Packaged alone as
 * {@code target/native/empty-agent.jar} by the bench's pom.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    /** Returns at once. */
    public static void premain(String args, Instrumentation instrumentation) {
        // nothing: the floor is the agent's presence alone
    }
}
