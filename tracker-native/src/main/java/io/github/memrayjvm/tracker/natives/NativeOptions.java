package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.MemrayException;
import java.util.Locale;
import java.util.Map;

/**
 * The native tracker's options, from {@link io.github.memrayjvm.api.tracker.TrackerContext#options()}.
 *
 * @param samplingInterval 0: every allocation (exact, the default); otherwise the mean number of
 *                         bytes between sampled allocations ({@code native-sampling=BYTES},
 *                         suffixes k, m, g allowed), figures scaled up and marked as estimates
 * @param javaFrames       whether Java frames are added above native ones
 *                         ({@code native-java-frames=true|false}, default true)
 */
record NativeOptions(long samplingInterval, boolean javaFrames) {

    static final String SAMPLING = "native-sampling";
    static final String JAVA_FRAMES = "native-java-frames";

    /** @throws MemrayException for a value that is not understood */
    static NativeOptions from(Map<String, String> options) {
        long sampling = 0;
        String text = options.get(SAMPLING);
        if (text != null && !text.isBlank()) {
            sampling = bytes(text.trim());
        }
        boolean javaFrames = true;
        String frames = options.get(JAVA_FRAMES);
        if (frames != null) {
            switch (frames.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    break;
                case "false":
                    javaFrames = false;
                    break;
                default:
                    throw new MemrayException("bad " + JAVA_FRAMES + " '" + frames
                            + "': expected true or false");
            }
        }
        return new NativeOptions(sampling, javaFrames);
    }

    private static long bytes(String text) {
        String digits = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = digits.charAt(digits.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            long value = Math.multiplyExact(Long.parseLong(digits), unit);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MemrayException("bad " + SAMPLING + " '" + text
                    + "': expected a number of bytes, e.g. 524288 or 512k (0: every allocation)");
        }
    }
}
