package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.tracker.natives.NativeLibrary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a tracked JVM needs for native tracking: the interposer library preloaded before the JVM
 * allocates anything ({@code LD_PRELOAD}) and bound as a JVMTI agent ({@code -agentpath}).
 *
 * @param jvmOptions  options to add to the JVM's command line
 * @param environment variables to add to its environment
 */
record NativePreload(List<String> jvmOptions, Map<String, String> environment) {

    static final NativePreload NONE = new NativePreload(List.of(), Map.of());

    /**
     * The preload for a run, or {@link #NONE} (with a line on {@code err}) where native tracking
     * cannot work and the user did not insist.
     *
     * @throws MemrayException where it cannot work and {@code strict} is set, or the library
     *                         cannot be written out
     */
    static NativePreload forRun(boolean strict, PrintStream err) {
        if (!NativeLibrary.isSupportedPlatform()) {
            String why = "native tracking needs Linux on x86-64 or aarch64, this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch");
            if (strict) {
                throw new MemrayException(why);
            }
            err.println("memray: " + why + "; going on without it");
            return NONE;
        }
        try {
            Path library = NativeLibrary.extractTo(Bundled.cacheRoot().resolve("native"));
            return new NativePreload(List.of("-agentpath:" + library),
                    Map.of(NativeLibrary.LD_PRELOAD,
                            NativeLibrary.preloadValue(library, System.getenv(NativeLibrary.LD_PRELOAD))));
        } catch (IOException e) {
            throw new MemrayException("cannot write out the native tracking library: "
                    + e.getMessage(), e);
        }
    }
}
