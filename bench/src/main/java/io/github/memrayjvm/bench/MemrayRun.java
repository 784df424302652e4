package io.github.memrayjvm.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A program run with {@code memray run --live} and a {@code memray live PORT --renderer json}
 * viewer started at the same moment (the viewer waits for the port), as a user would.
 */
public final class MemrayRun {

    /** What a run produced: the program's side and the viewer's JSON lines. */
    public record Result(Launched program, Launched viewer, long wireBytes,
                         double steadyWireBytesPerSecond) {
    }

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private MemrayRun() {
    }

    /**
     * Runs {@code mainClass args} tracked with {@code memrayOptions} (e.g. {@code --tracker jfr})
     * and JVM options {@code jvmOptions}.
     *
     * @param countWire relay the viewer's connection through a {@link WireCounter}
     */
    public static Result run(Env env, List<String> memrayOptions, List<String> jvmOptions,
                             String mainClass, List<String> args, boolean countWire)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(env.memray("run", "--live", "--live-port",
                Integer.toString(port), "--java", env.java().toString()));
        command.addAll(memrayOptions);
        jvmOptions.forEach(o -> command.add("-J" + o));
        command.addAll(List.of("-cp", env.programClasspath(), mainClass));
        command.addAll(args);
        try (Launched program = Launched.start(command, env.work());
             WireCounter counter = countWire ? relay(program, port) : null;
             Launched viewer = Launched.start(env.memray("live",
                     Integer.toString(countWire ? counter.port() : port),
                     "--renderer", "json", "--timeout", "60"), env.work())) {
            program.await(TIMEOUT);
            viewer.await(TIMEOUT);
            return new Result(program, viewer, countWire ? counter.bytesToViewer() : -1,
                    countWire ? counter.steadyBytesPerSecond() : -1);
        }
    }

    /**
     * A relay to the program's port, once the program listens (its launcher says so): the
     * viewer's greeting timeout then starts when the program can answer.
     */
    private static WireCounter relay(Launched program, int port)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (program.err().stream().noneMatch(l -> l.contains("memray live " + port))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tracked program never listened on " + port);
            }
            Thread.sleep(10);
        }
        return new WireCounter(port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
