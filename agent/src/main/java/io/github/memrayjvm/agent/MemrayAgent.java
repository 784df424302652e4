package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.agent.AgentOptions;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. Start-up runs on a memray thread (so its own allocations
 * are not the program's); the JVM's main thread waits here until a viewer has connected, then the
 * program's {@code main} runs. A problem the user must fix ends the JVM with one line on standard
 * error and exit status 1, before the program starts.
 */
public final class MemrayAgent {

    /** The exit status when memray cannot start. */
    static final int START_FAILURE_STATUS = 1;

    private MemrayAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        AgentLog log = new AgentLog(System.err);
        AgentThreads threads = new AgentThreads();
        Throwable[] failure = new Throwable[1];
        Thread starter = threads.newThread("start", () -> {
            try {
                new AgentRuntime(AgentOptions.parse(args), log, threads).start();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure[0] instanceof MemrayException e) {
            log.line(e.getMessage());
            System.exit(START_FAILURE_STATUS);
        } else if (failure[0] != null) {
            log.line("could not start: " + failure[0]);
            failure[0].printStackTrace();
            System.exit(START_FAILURE_STATUS);
        }
    }
}
