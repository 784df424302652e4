package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code memray run --live ... (MAIN | -jar JAR) [args]}: runs the program in a new JVM with
 * memray's agent, which waits for a viewer before the program's {@code main} runs. memray's own
 * options come before the main class or jar; everything after it is the program's.
 */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true, 
        mixinStandardHelpOptions = true, versionProvider = Memray.Version.class,
        customSynopsis = "memray run --live [OPTIONS] (MAIN_CLASS | -jar JAR) [ARGS...]",
        description = {"Run a Java program with live memory tracking.",
            "The program starts once a viewer connects ('memray live PORT' in another shell).",
            "memray's options come before MAIN_CLASS / -jar; everything after belongs to the program."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--live", description = "Track live and serve a viewer (required).")
    boolean live;

    @Option(names = "--live-port", paramLabel = "PORT",
            description = "Port to listen on (default: a free port).")
    Integer port;

    @Option(names = "--live-host", paramLabel = "HOST",
            description = "Address to listen on (default: 127.0.0.1).")
    String host;

    @Option(names = "--live-token", paramLabel = "SECRET",
            description = "Secret a viewer must present (default: $MEMRAY_LIVE_TOKEN, or none).")
    String token;

    @Option(names = "--live-viewers", paramLabel = "N",
            description = "How many viewers may watch at once (default: 1).")
    Integer viewers;

    @Option(names = "--native", description = "Also track native (malloc) memory not yet freed.")
    boolean nativeTracking;

    @Option(names = "--tracker", paramLabel = "NAME", split = ",",
            description = "Tracker(s) to run (default: the best Java-heap tracker available).")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--tracker-path", paramLabel = "JAR",
            description = "A jar with more trackers (repeatable).")
    List<Path> trackerPath = new ArrayList<>();

    @Option(names = "--strict",
            description = "Stop if a tracker asked for cannot run (default: go on without it).")
    boolean strict;

    @Option(names = "--heap-sampling", paramLabel = "BYTES",
            description = "Mean bytes between Java-heap samples (jvmti tracker).")
    Long heapSampling;

    @Option(names = "--native-sampling", paramLabel = "BYTES",
            description = "Sample native allocations every BYTES on average instead of all.")
    Long nativeSampling;

    @Option(names = "--tracker-option", paramLabel = "KEY=VALUE",
            description = "An option for the trackers (repeatable).")
    Map<String, String> trackerOptions = new LinkedHashMap<>();

    @Option(names = "--transport", paramLabel = "NAME", hidden = true)
    String transport;

    @Option(names = "--interval", paramLabel = "MILLIS", hidden = true)
    Integer interval;

    @Option(names = {"-cp", "-classpath", "--class-path"}, paramLabel = "CLASSPATH",
            description = "The program's class path.")
    String classpath;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A system property for the program's JVM.")
    Map<String, String> systemProperties = new LinkedHashMap<>();

    @Option(names = "-J", paramLabel = "JVM_OPTION",
            description = "An option for the program's JVM, e.g. -J-Xmx2g (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--java", paramLabel = "JAVA",
            description = "The java executable to run the program with (default: this one).")
    Path java;

    @Option(names = "-jar", paramLabel = "JAR", arity = "1",
            parameterConsumer = JarAndArguments.class,
            description = "Run an executable jar; what follows are the program's arguments.")
    List<String> jarAndArgs;

    @Parameters(paramLabel = "MAIN_CLASS ARGS", arity = "0..*",
            description = "The main class, then the program's arguments.")
    List<String> mainAndArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        NativePreload preload = nativeTracking ? NativePreload.forRun(strict, System.err)
                : NativePreload.NONE;
        Map<String, String> environment = new LinkedHashMap<>(environment());
        environment.putAll(preload.environment());
        return ProgramProcess.run(launch(Bundled.file(Bundled.AGENT), preload).command(),
                environment, null);
    }

    /** The JVM to start with {@code agentJar}, without native preloading; checks the options. */
    JavaLaunch launch(Path agentJar) {
        return launch(agentJar, NativePreload.NONE);
    }

    /** The JVM to start with {@code agentJar} and {@code preload}; checks the options. */
    JavaLaunch launch(Path agentJar, NativePreload preload) {
        if (!live) {
            throw usage("only live tracking is supported for now: add --live");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw usage("--live-port must be from 1 to 65535, not " + port);
        }
        if (viewers != null && viewers < 1) {
            throw usage("--live-viewers must be at least 1");
        }
        boolean hasJar = jarAndArgs != null && !jarAndArgs.isEmpty();
        if (hasJar && !mainAndArgs.isEmpty()) {
            throw usage("give either MAIN_CLASS or -jar JAR, not both");
        }
        if (!hasJar && mainAndArgs.isEmpty()) {
            throw usage("name the program: MAIN_CLASS [ARGS...] or -jar JAR [ARGS...]");
        }
        List<String> jvm = new ArrayList<>(preload.jvmOptions());
        jvm.addAll(JavaLaunch.systemProperties(systemProperties));
        jvm.addAll(jvmOptions);
        return new JavaLaunch(java == null ? JavaLaunch.currentJava() : java, jvm,
                agentJar, agentOptions(), classpath,
                hasJar ? null : mainAndArgs.get(0), hasJar ? jarAndArgs.get(0) : null,
                hasJar ? jarAndArgs.subList(1, jarAndArgs.size())
                        : mainAndArgs.subList(1, mainAndArgs.size()));
    }

    AgentOptions agentOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, AgentOptions.PORT, port);
        put(options, AgentOptions.HOST, host);
        put(options, AgentOptions.VIEWERS, viewers);
        if (!trackers.isEmpty()) {
            options.put(AgentOptions.TRACKERS, String.join(",", trackers));
        }
        if (nativeTracking) {
            options.put(AgentOptions.NATIVE, "true");
        }
        if (strict) {
            options.put(AgentOptions.STRICT, "true");
        }
        if (!trackerPath.isEmpty()) {
            options.put(AgentOptions.TRACKER_PATH, trackerPath.stream()
                    .map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        put(options, AgentOptions.TRANSPORT, transport);
        put(options, AgentOptions.INTERVAL, interval);
        put(options, "heap-sampling", heapSampling);
        put(options, "native-sampling", nativeSampling);
        options.putAll(trackerOptions);
        return AgentOptions.of(options);
    }

    /** The token goes through the environment, not the command line other users can read. */
    Map<String, String> environment() {
        return token == null ? Map.of() : Map.of("MEMRAY_LIVE_TOKEN", token);
    }

    private static void put(Map<String, String> options, String key, Object value) {
        if (value != null) {
            options.put(key, value.toString());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code -jar JAR args...}: the jar and every argument after it belong to the program. */
    static final class JarAndArguments implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                                      CommandLine.Model.CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "-jar needs the jar to run");
            }
            List<String> rest = new ArrayList<>();
            while (!args.isEmpty()) {
                rest.add(args.pop());
            }
            argSpec.setValue(rest);
        }
    }
}
