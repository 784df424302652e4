package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code native} tracker: malloc-family memory not yet freed, by native stack (with the Java
 * frames above it) and thread. Runs only when named ({@code --native}, priority 0), and only in
 * a JVM started with its library preloaded (see {@link NativeLibrary}).
 *
 * <p>Options: {@code native-sampling=BYTES} (default 0: exact), {@code native-java-frames=false}.
 */
public final class NativeTrackerProvider implements TrackerProvider {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "native memory (malloc and friends) not yet freed, by native and Java stack";
    }

    @Override
    public int defaultPriority() {
        return 0;
    }

    @Override
    public Availability availability() {
        if (!NativeLibrary.isSupportedPlatform()) {
            return Availability.no("the native tracker needs Linux on x86-64 or aarch64, not "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
        }
        Optional<Path> library = NativeLibrary.preloaded();
        if (library.isEmpty()) {
            return Availability.no("the native tracker needs its library preloaded: start the JVM"
                    + " with LD_PRELOAD set to libmemraynative.so (memray run --native does)");
        }
        return Availability.yes();
    }

    @Override
    public Tracker create(TrackerContext context) {
        NativeOptions options = NativeOptions.from(context.options());
        return new NativeTracker(context, options, () -> {
            NativeBridge.load(NativeLibrary.preloaded().orElseThrow());
            return new NativeBridge();
        });
    }
}
