package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;

/**
 * Provides the {@code jfr} tracker: Java-heap allocations (bytes and objects since start, per
 * thread and stack), estimated from JFR allocation samples streamed inside the tracked JVM. Pure
 * Java, so it runs wherever JFR does; it is the fallback of the more accurate {@code jvmti}
 * tracker (default priority 50 against its 100).
 *
 * <p>Options (from {@link TrackerContext#options()}): {@code jfr-sample-rate}, allocation
 * samples per second (default 300, 1 to 100000).
 *
 * <p>Registered in {@code META-INF/services/io.github.memrayjvm.api.tracker.TrackerProvider}.
 * Constructing it does nothing; {@link #availability()} loads JFR's API classes but starts
 * nothing. Thread-safe.
 */
public final class JfrTrackerProvider implements TrackerProvider {

    /** The name users select this tracker by. */
    public static final String NAME = "jfr";
    /** Below the {@code jvmti} tracker's 100: chosen when that one cannot run. */
    public static final int DEFAULT_PRIORITY = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "Java heap: bytes and objects allocated, per thread and stack, estimated from JFR "
                + "allocation samples (pure Java; biased where one thread mixes very different "
                + "sizes)";
    }

    @Override
    public Availability availability() {
        return JfrAvailability.check();
    }

    /**
     * @throws io.github.memrayjvm.api.MemrayException for a bad {@code jfr-sample-rate}
     */
    @Override
    public Tracker create(TrackerContext context) {
        return new JfrTracker(context, JfrTrackerOptions.from(context.options()));
    }

    @Override
    public int defaultPriority() {
        return DEFAULT_PRIORITY;
    }
}
