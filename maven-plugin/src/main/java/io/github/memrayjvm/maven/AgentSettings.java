package io.github.memrayjvm.maven;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What the user asked of memray's agent through the plugin's parameters, checked, and turned
 * into the agent's options string. Pure apart from checking that tracker jars exist.
 */
final class AgentSettings {

    private final Map<String, String> options;

    private AgentSettings(Map<String, String> options) {
        this.options = options;
    }

    /** The raw parameter values, as Maven set them ({@code null}: not given). */
    static final class Values {
        String port;
        String host;
        Integer viewers;
        boolean nativeTracking;
        String trackers;
        String trackerPath;
        boolean strict;
        Long heapSampling;
        Long nativeSampling;
        String trackerOptions;
    }

    /**
     * Checks the values.
     *
     * @param values      the parameters
     * @param basedir     the folder relative tracker paths are resolved against
     * @param pluginJars  tracker jars that came as dependencies of the plugin
     * @throws MojoFailureException naming the property and the bad value
     */
    static AgentSettings of(Values values, Path basedir, List<Path> pluginJars)
            throws MojoFailureException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(AgentOptions.PORT, Integer.toString(port(values.port)));
        if (!blank(values.host)) {
            options.put(AgentOptions.HOST, values.host.trim());
        }
        if (values.viewers != null) {
            if (values.viewers < 1) {
                throw new MojoFailureException("live.viewers must be at least 1, not "
                        + values.viewers);
            }
            options.put(AgentOptions.VIEWERS, values.viewers.toString());
        }
        List<String> trackers = names(values.trackers);
        if (!trackers.isEmpty()) {
            options.put(AgentOptions.TRACKERS, String.join(",", trackers));
        }
        if (values.nativeTracking) {
            options.put(AgentOptions.NATIVE, "true");
        }
        if (values.strict) {
            options.put(AgentOptions.STRICT, "true");
        }
        List<Path> jars = new ArrayList<>(pluginJars);
        jars.addAll(trackerJars(values.trackerPath, basedir));
        if (!jars.isEmpty()) {
            options.put(AgentOptions.TRACKER_PATH, String.join(File.pathSeparator,
                    jars.stream().map(Path::toString).toList()));
        }
        putBytes(options, "heap-sampling", "memray.heapSampling", values.heapSampling);
        putBytes(options, "native-sampling", "memray.nativeSampling", values.nativeSampling);
        options.putAll(trackerOptions(values.trackerOptions));
        return new AgentSettings(options);
    }

    /** The address to listen on, or {@code null} for the agent's default (127.0.0.1). */
    String host() {
        return options.get(AgentOptions.HOST);
    }

    /** The port asked for; 0 means a free one. */
    int port() {
        return Integer.parseInt(options.get(AgentOptions.PORT));
    }

    /**
     * The agent's options, with {@code more} added (e.g. a port file, the command line shown to
     * viewers).
     */
    AgentOptions agentOptions(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.putAll(more);
        return AgentOptions.of(all);
    }

    /** The {@code -javaagent} argument for {@code agentJar} with these options and {@code more}. */
    String agentArgument(Path agentJar, Map<String, String> more) {
        String formatted = agentOptions(more).format();
        return "-javaagent:" + agentJar + (formatted.isEmpty() ? "" : "=" + formatted);
    }

    private static int port(String text) throws MojoFailureException {
        if (blank(text)) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MojoFailureException("live.port must be a port number from 1 to 65535"
                + " (or 0 for any free port), not '" + text + "'");
    }

    private static List<String> names(String commaList) {
        if (blank(commaList)) {
            return List.of();
        }
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<Path> trackerJars(String path, Path basedir) throws MojoFailureException {
        List<Path> jars = new ArrayList<>();
        if (blank(path)) {
            return jars;
        }
        for (String entry : path.split("[," + Pattern.quote(File.pathSeparator) + "]")) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = basedir.resolve(entry.trim()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new MojoFailureException("memray.trackerPath: " + jar + " is not a jar file");
            }
            jars.add(jar);
        }
        return jars;
    }

    private static void putBytes(Map<String, String> options, String key, String property,
                                 Long value) throws MojoFailureException {
        if (value == null) {
            return;
        }
        if (value < 1) {
            throw new MojoFailureException(property + " must be a positive number of bytes, not "
                    + value);
        }
        options.put(key, value.toString());
    }

    private static Map<String, String> trackerOptions(String text) throws MojoFailureException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : names(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new MojoFailureException("memray.trackerOptions: expected key=value, not '"
                        + pair + "'");
            }
            options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return options;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
