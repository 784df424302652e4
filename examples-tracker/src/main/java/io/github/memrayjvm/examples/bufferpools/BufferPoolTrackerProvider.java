package io.github.memrayjvm.examples.bufferpools;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code buffer-pools} tracker: how much memory the JVM's {@code java.nio} buffer pools hold
 * ({@code direct} buffers from {@code ByteBuffer.allocateDirect}, {@code mapped} files), read from
 * the platform's {@link BufferPoolMXBean}s. A third-party tracker written against memray's
 * {@code api} alone: put its jar on the tracker path ({@code memray run --tracker-path JAR}, or as
 * a dependency of the Maven plugin) and select it with {@code --tracker jfr,buffer-pools}.
 *
 * <p>Registered in {@code META-INF/services/io.github.memrayjvm.api.tracker.TrackerProvider}. It
 * runs only when named ({@link #defaultPriority()} is 0). It reads no options.
 */
public final class BufferPoolTrackerProvider implements TrackerProvider {

    /** The name users select this tracker by. */
    public static final String NAME = "buffer-pools";

    private final Supplier<List<BufferPoolMXBean>> pools;

    /** The provider {@link java.util.ServiceLoader} creates: the platform's buffer pools. */
    public BufferPoolTrackerProvider() {
        this(() -> ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class));
    }

    /** A provider reading the given pools (tests use pools they control). */
    BufferPoolTrackerProvider(Supplier<List<BufferPoolMXBean>> pools) {
        this.pools = pools;
    }

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
        return "java.nio buffer pools (direct, mapped): bytes and buffers in use";
    }

    @Override
    public Availability availability() {
        try {
            return pools.get().isEmpty()
                    ? Availability.no("this JVM reports no java.nio buffer pools")
                    : Availability.yes();
        } catch (LinkageError e) {
            return Availability.no("needs the java.management module");
        }
    }

    @Override
    public Tracker create(TrackerContext context) {
        return new BufferPoolTracker(context.sink(), pools.get());
    }
}
