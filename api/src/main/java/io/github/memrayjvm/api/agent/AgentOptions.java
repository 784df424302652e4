package io.github.memrayjvm.api.agent;

import io.github.memrayjvm.api.MemrayException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The options string of memray's {@code -javaagent}: what launchers (the CLI, the Maven plugin)
 * write and the agent reads. {@code key=value} pairs joined by commas, each key and value
 * URL-encoded (UTF-8), so values may hold commas, equals signs and spaces.
 *
 * <p>Keys the agent reads are the constants of this class; every other key is passed to the
 * trackers as an option (see {@link io.github.memrayjvm.api.tracker.TrackerContext#options()}).
 * Immutable.
 */
public final class AgentOptions {

    /** Port to listen on; 0 or absent: a free port. */
    public static final String PORT = "port";
    /** Address to bind; default {@code 127.0.0.1}. */
    public static final String HOST = "host";
    /** Tracker names, comma-separated; absent: the default Java-heap tracker. */
    public static final String TRACKERS = "trackers";
    /** {@code true}: add the {@code native} tracker to the others. */
    public static final String NATIVE = "native";
    /** Extra jars holding tracker providers, separated by the path separator. */
    public static final String TRACKER_PATH = "tracker-path";
    /** Transport name; default {@code tcp}. */
    public static final String TRANSPORT = "transport";
    /** Snapshot interval in milliseconds; default 250. */
    public static final String INTERVAL = "interval";
    /** A file to write the bound port to, for launchers that need it. */
    public static final String PORT_FILE = "port-file";
    /** The command line to show as the program's; default: the JVM's own. */
    public static final String COMMAND = "command";
    /** {@code false}: do not hold {@code main} until a viewer connects; default {@code true}. */
    public static final String WAIT = "wait";
    /** A shared secret viewers must present. */
    public static final String TOKEN = "token";
    /** How many viewers may watch at once; default 1. */
    public static final String VIEWERS = "viewers";
    /** {@code true}: a tracker that cannot run stops the program instead of being skipped. */
    public static final String STRICT = "strict";

    private final Map<String, String> values;

    private AgentOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Options from key/value pairs, in order. */
    public static AgentOptions of(Map<String, String> values) {
        return new AgentOptions(new LinkedHashMap<>(values));
    }

    /**
     * Parses an options string ({@code null} or empty: no options).
     *
     * @throws MemrayException for a pair without {@code =}
     */
    public static AgentOptions parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new MemrayException("bad memray agent option '" + pair
                            + "': expected key=value");
                }
                values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return new AgentOptions(values);
    }

    /** The options string for {@code -javaagent:jar=OPTIONS}. */
    public String format() {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining(","));
    }

    /** Every option, in order. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The value of {@code key}, or {@code fallback}. */
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /**
     * The integer value of {@code key} within {@code [min, max]}, or {@code fallback}.
     *
     * @throws MemrayException if it is not such a number
     */
    public int getInt(String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MemrayException("memray option " + key + " must be a number from " + min
                    + " to " + max + ", not '" + value + "'");
        }
    }

    /** The boolean value of {@code key} ({@code true}/{@code false}), or {@code fallback}. */
    public boolean getBoolean(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.isEmpty()) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new MemrayException("memray option " + key + " must be true or false, not '"
                + value + "'");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MemrayException("bad memray agent option '" + s + "': " + e.getMessage());
        }
    }
}
