package io.github.memrayjvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a workload untracked or under a peer tool, and reads the JSON line it prints. */
public final class Programs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Env env;

    public Programs(Env env) {
        this.env = env;
    }

    /** {@code java jvmOptions -cp CP mainClass args}, optionally behind {@code prefix}. */
    public Launched java(List<String> prefix, List<String> jvmOptions, String mainClass,
                         List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(env.java().toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", env.programClasspath(), mainClass));
        command.addAll(args);
        Launched launched = Launched.start(command, Map.of(), env.work());
        launched.await(TIMEOUT);
        return launched;
    }

    /** The workload's JSON line (the first that starts with {@code prefix}). */
    public static JsonNode line(Launched launched, String prefix) throws IOException {
        return JSON.readTree(launched.outLine(prefix));
    }

    /** The last {@code "type":"snapshot"} line of a viewer. */
    public static JsonNode lastSnapshot(Launched viewer) throws IOException {
        List<Launched.Line> lines = viewer.out();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).text().startsWith("{\"type\":\"snapshot\"")) {
                return JSON.readTree(lines.get(i).text());
            }
        }
        throw new IllegalStateException("the viewer printed no snapshot");
    }

    /** {@code -agentpath:} for async-profiler with {@code options}, writing to {@code file}. */
    public static String asyncProfiler(Path library, String options, Path file) {
        return "-agentpath:" + library + "=start," + options + ",file=" + file;
    }
}
