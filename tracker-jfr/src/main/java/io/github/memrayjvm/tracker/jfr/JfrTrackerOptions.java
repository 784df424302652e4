package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.MemrayException;
import java.util.Map;

/**
 * The options of the {@code jfr} tracker, read from
 * {@link io.github.memrayjvm.api.tracker.TrackerContext#options()}.
 *
 * @param sampleRate allocation samples per second JFR may emit ({@code jfr-sample-rate}); the
 *                   throttle of {@code jdk.ObjectAllocationSample}
 */
record JfrTrackerOptions(int sampleRate) {

    /** The option key of {@link #sampleRate()}. */
    static final String SAMPLE_RATE = "jfr-sample-rate";
    /** The default sample rate, per second; see {@link JfrTracker} for why. */
    static final int DEFAULT_SAMPLE_RATE = 300;
    /** The highest rate accepted: beyond it, the stack walks cost more than they tell. */
    static final int MAX_SAMPLE_RATE = 100_000;

    /**
     * Reads the tracker's options; keys it does not know are ignored.
     *
     * @throws MemrayException for a value it cannot use, naming the option
     */
    static JfrTrackerOptions from(Map<String, String> options) {
        String rate = options.get(SAMPLE_RATE);
        if (rate == null) {
            return new JfrTrackerOptions(DEFAULT_SAMPLE_RATE);
        }
        int value;
        try {
            value = Integer.parseInt(rate.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > MAX_SAMPLE_RATE) {
            throw new MemrayException("bad value '" + rate + "' for option " + SAMPLE_RATE
                    + ": expected samples per second, a whole number from 1 to " + MAX_SAMPLE_RATE);
        }
        return new JfrTrackerOptions(value);
    }

    /** The throttle setting of {@code jdk.ObjectAllocationSample}, e.g. {@code 300/s}. */
    String throttle() {
        return sampleRate + "/s";
    }
}
