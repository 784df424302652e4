package io.github.memrayjvm.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every memray goal shares (those of {@code memray run --live}), and the agent
 * they configure. Each parameter can be set in the plugin's configuration or with the
 * property named in its description ({@code -Dlive.port=12345}).
 */
public abstract class AbstractMemrayMojo extends AbstractMojo {

    /** The environment variable the agent (and {@code memray live}) read the secret from. */
    static final String TOKEN_VARIABLE = "MEMRAY_LIVE_TOKEN";

    /**
     * Grants the class path native access: memray's trackers load native libraries, and JDK 24+
     * would warn about it on the program's standard error (JDK 17+ accept the option).
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * The port the tracked JVM listens on for a viewer ({@code memray live PORT}); 0 picks a free
     * one, printed in the "Run 'memray live PORT' ..." line.
     */
    @Parameter(property = "live.port", defaultValue = "0")
    String port;

    /**
     * The address the tracked JVM listens on; default 127.0.0.1 (this machine only). Another
     * address lets other machines watch: use {@code live.token} then.
     */
    @Parameter(property = "live.host")
    String host;

    /**
     * A secret a viewer must present ({@code memray live PORT --token SECRET}, or the variable
     * MEMRAY_LIVE_TOKEN). {@code memray:run} passes it to the tracked JVM in its environment;
     * {@code memray:prepare-agent} can only put it in {@code argLine}, where other users of the
     * machine can read it in the process list.
     */
    @Parameter(property = "live.token")
    String token;

    /** How many viewers may watch at once; default 1. */
    @Parameter(property = "live.viewers")
    Integer viewers;

    /**
     * Also track native memory (malloc and friends) not yet freed, with the {@code native}
     * tracker: the forked JVM gets the tracker's library in LD_PRELOAD (Linux).
     */
    @Parameter(property = "memray.native", defaultValue = "false")
    boolean nativeTracking;

    /**
     * The trackers to run, comma-separated, e.g. {@code jfr,buffer-pools}; default: the best
     * Java-heap tracker that can run here. Trackers of jars added as dependencies of this
     * plugin, or named in {@code memray.trackerPath}, can be named too.
     */
    @Parameter(property = "memray.trackers")
    String trackers;

    /**
     * More jars holding trackers (each with a META-INF/services entry for
     * io.github.memrayjvm.api.tracker.TrackerProvider), separated by commas or the path
     * separator; relative paths are taken from the project's folder. Jars added as
     * dependencies of this plugin are on the tracker path already.
     */
    @Parameter(property = "memray.trackerPath")
    String trackerPath;

    /**
     * Stop, instead of going on without it, when a tracker asked for cannot run here.
     */
    @Parameter(property = "memray.strict", defaultValue = "false")
    boolean strict;

    /** Mean bytes between Java-heap samples, for the trackers that sample ({@code jvmti}). */
    @Parameter(property = "memray.heapSampling")
    Long heapSampling;

    /** Sample native allocations every this many bytes on average instead of tracking all. */
    @Parameter(property = "memray.nativeSampling")
    Long nativeSampling;

    /**
     * Options for the trackers, as comma-separated {@code key=value} pairs (what
     * {@code memray run --tracker-option} gives); each tracker documents the keys it reads.
     */
    @Parameter(property = "memray.trackerOptions")
    String trackerOptions;

    /**
     * More options for the tracked JVM, separated by blanks, quoted like in a shell, e.g.
     * {@code -Dmemray.jvmArgs="-Xmx2g -Dapp.mode=test"}.
     */
    @Parameter(property = "memray.jvmArgs")
    String jvmArgs;

    /** Do nothing (for {@code prepare-agent}: leave {@code argLine} without memray's agent). */
    @Parameter(property = "memray.skip", defaultValue = "false")
    boolean skip;

    /** The plugin's own artifacts by {@code groupId:artifactId}, where the agent is found. */
    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    /** The plugin's class path, with the jars added as its dependencies. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    /** This goal's execution, whose plugin holds the dependencies the project added to it. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The checked settings of the agent. */
    AgentSettings settings() throws MojoFailureException {
        AgentSettings.Values values = new AgentSettings.Values();
        values.port = port;
        values.host = host;
        values.viewers = viewers;
        values.nativeTracking = nativeTracking;
        values.trackers = trackers;
        values.trackerPath = trackerPath;
        values.strict = strict;
        values.heapSampling = heapSampling;
        values.nativeSampling = nativeSampling;
        values.trackerOptions = trackerOptions;
        List<Path> added = PluginJars.addedTrackers(pluginArtifacts,
                mojoExecution.getPlugin().getDependencies());
        if (!added.isEmpty()) {
            getLog().info("memray: tracker path from the plugin's dependencies: " + added);
        }
        return AgentSettings.of(values, project.getBasedir().toPath(), added);
    }

    /** The agent jar, from the plugin's artifacts. */
    Path agentJar() throws MojoExecutionException {
        return PluginJars.agent(pluginArtifactMap);
    }

    /**
     * What the tracked JVM gets besides the agent: native access, the native tracker's preload
     * ({@code memray.native}) and {@code memray.jvmArgs} on its command line; the secret and the
     * preload in its environment (where no process list shows the secret).
     */
    TrackedJvm trackedJvm() throws MojoExecutionException, MojoFailureException {
        NativePreload preload = nativeTracking
                ? NativePreload.forRun(Path.of(project.getBuild().getDirectory(), "memray",
                        "native"), strict, getLog())
                : NativePreload.NONE;
        List<String> jvm = new ArrayList<>();
        jvm.add(NATIVE_ACCESS);
        jvm.addAll(preload.jvmArgs());
        jvm.addAll(words("memray.jvmArgs", jvmArgs));
        Map<String, String> environment = new LinkedHashMap<>();
        if (token != null && !token.isEmpty()) {
            environment.put(TOKEN_VARIABLE, token);
        }
        environment.putAll(preload.environment());
        return new TrackedJvm(List.copyOf(jvm), Map.copyOf(environment));
    }

    /**
     * JVM arguments and environment variables of a tracked JVM, apart from the agent.
     *
     * @param jvmArgs     options for its command line, in order
     * @param environment variables to add to its environment
     */
    record TrackedJvm(List<String> jvmArgs, Map<String, String> environment) {
    }

    /** The project's properties overridden by the user's ({@code -D}), as goals see them. */
    Properties effectiveProperties() {
        Properties properties = new Properties();
        properties.putAll(project.getProperties());
        properties.putAll(session.getSystemProperties());
        properties.putAll(session.getUserProperties());
        return properties;
    }

    static List<String> words(String property, String text) throws MojoFailureException {
        try {
            return Words.split(text);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(property + ": " + e.getMessage());
        }
    }
}
