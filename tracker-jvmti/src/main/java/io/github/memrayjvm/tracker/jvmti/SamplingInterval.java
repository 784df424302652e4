package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.MemrayException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code heap-sampling} option: the mean number of bytes between two samples, as a number of
 * bytes with an optional binary suffix ({@code 524288}, {@code 512k}, {@code 512KiB},
 * {@code 1m}); {@code 0} samples every object. Pure and thread-safe.
 */
final class SamplingInterval {

    /** The option's key in {@link io.github.memrayjvm.api.tracker.TrackerContext#options()}. */
    static final String OPTION = "heap-sampling";
    /** The JVM's own default, 512 KiB. */
    static final long DEFAULT = 512 * 1024;
    /** The largest interval the JVM accepts. */
    static final long MAX = Integer.MAX_VALUE;

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d{1,19})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

    private SamplingInterval() {
    }

    /**
     * The interval the options ask for, or {@link #DEFAULT}.
     *
     * @throws MemrayException when the value is not a size from 0 to {@link #MAX} bytes
     */
    static long from(Map<String, String> options) {
        String value = options.get(OPTION);
        return value == null ? DEFAULT : parse(value);
    }

    static long parse(String value) {
        Matcher matcher = SYNTAX.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(value);
        }
        long shift = switch (matcher.group(2)) {
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            default -> 0;
        };
        long number;
        try {
            number = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (number > MAX >> shift) {
            throw invalid(value);
        }
        return number << shift;
    }

    /** A short human form: {@code 512 KiB}, {@code 1 MiB}, {@code 1000 bytes}. */
    static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static MemrayException invalid(String value) {
        return new MemrayException("option " + OPTION + "=" + value
                + ": expected a number of bytes from 0 to " + MAX + ", e.g. 524288 or 512k");
    }
}
