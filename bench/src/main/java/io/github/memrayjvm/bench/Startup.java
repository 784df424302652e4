package io.github.memrayjvm.bench;

import io.github.memrayjvm.bench.workload.Hello;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row 4: hello world's wall time from start to exit, untracked and tracked with a viewer
 * started at the same moment: through {@code memray run --live} (a launcher JVM that starts the
 * tracked one), and with the agent given to {@code java} directly.
 */
public final class Startup {

    static final String GOAL = "<= 150 ms added";

    private Startup() {
    }

    public static List<Row> run(Env env, Options options, PrintStream log) throws Exception {
        Programs programs = new Programs(env);
        String main = Hello.class.getName();
        log.println("row 4: hello world");
        Map<String, Alternating.Measure> modes = new LinkedHashMap<>();
        modes.put("untracked", () -> programs.java(List.of(), List.of(), main, List.of())
                .wallNanos() / 1e6);
        modes.put("memray run --live (jvmti)", () -> MemrayRun.run(env, List.of(), List.of(),
                main, List.of(), false).program().wallNanos() / 1e6);
        if (!options.smoke()) {
            modes.put("java -javaagent (jvmti)", () -> agent(env, main));
        }
        Map<String, Stats> stats = Alternating.run(options.smoke() ? 1 : 2 * options.runs(),
                modes, log);
        Stats untracked = stats.get("untracked");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(4, "start-up and exit: hello world, ms", "untracked",
                untracked.format(0), ""));
        stats.forEach((mode, s) -> {
            if (!mode.equals("untracked")) {
                rows.add(new Row(4, "start-up and exit: added ms", mode,
                        new Stats(s.values().stream().map(v -> v - untracked.median()).toList())
                                .format(0), GOAL));
            }
        });
        return rows;
    }

    /** The tracked JVM alone: the agent on the command line, a viewer started at once. */
    private static double agent(Env env, String main) throws Exception {
        int port = MemrayRun.freePort();
        List<String> command = List.of(env.java().toString(), "--enable-native-access=ALL-UNNAMED",
                "-javaagent:" + env.agentJar() + "=port=" + port, "-cp",
                env.programClasspath(), main);
        try (Launched program = Launched.start(command, env.work());
             Launched viewer = Launched.start(env.memray("live", Integer.toString(port),
                     "--renderer", "json", "--timeout", "60"), env.work())) {
            program.await(MemrayRun.TIMEOUT);
            viewer.await(MemrayRun.TIMEOUT);
            return program.wallNanos() / 1e6;
        }
    }
}
