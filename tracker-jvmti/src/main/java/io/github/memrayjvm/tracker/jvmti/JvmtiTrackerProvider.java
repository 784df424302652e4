package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;

/**
 * Provides the {@code jvmti} tracker: the Java heap by allocating site from the JVM's own heap
 * sampling (JVMTI, JEP 331), with unbiased estimates of bytes and objects allocated and of those
 * still live. It is the default Java-heap tracker wherever its native library loads (Linux on
 * x86-64 or aarch64, a JVM granting heap sampling to a live-phase JVMTI environment: HotSpot 11
 * and later).
 *
 * <p>Options: {@code heap-sampling} = mean bytes between samples (default 512 KiB, {@code 0} =
 * every object). Constructing the provider is free; {@link #availability()} extracts and loads
 * the library once per JVM. Thread-safe.
 */
public final class JvmtiTrackerProvider implements TrackerProvider {

    static final String NAME = "jvmti";

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
        return "Java heap, allocated and live by site: the JVM's heap sampling (JVMTI), unbiased";
    }

    @Override
    public Availability availability() {
        return SamplerLibrary.availability();
    }

    @Override
    public Tracker create(TrackerContext context) {
        return new JvmtiTracker(context, SamplingInterval.from(context.options()));
    }

    @Override
    public int defaultPriority() {
        return 100;
    }
}
