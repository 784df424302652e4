package io.github.memrayjvm.maven;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code LD_PRELOAD} value that loads the native tracker's library into the forked JVM
 * ({@code memray.native}), as {@code memray run --native} sets it.
 *
 * <p><b>HOOK (tracker-native):</b> the library and the helper that extracts it
 * ({@code io.github.memrayjvm.tracker.natives.NativeLibrary}: {@code extractTo(dir)}, then
 * {@code preloadValue(lib, System.getenv("LD_PRELOAD"))}) belong to the module
 * {@code tracker-native}, which is not part of this build yet. Until this plugin depends on it
 * and calls it here, {@link #environment} gives no value and says so; the agent is still told to
 * run the {@code native} tracker, which then reports that it cannot run (or stops the program
 * with {@code memray.strict}).
 */
final class NativePreload {

    /** The environment variable the dynamic loader reads. */
    static final String LD_PRELOAD = "LD_PRELOAD";

    private NativePreload() {
    }

    /**
     * The value for {@code LD_PRELOAD}, if this build can preload the native tracker.
     *
     * @param workDirectory a folder the library may be extracted to
     */
    static Optional<String> environment(Path workDirectory, Log log) {
        log.warn("memray.native: this build of the memray plugin cannot preload the native"
                + " tracker's library yet; the native tracker will say whether it can run");
        return Optional.empty();
    }
}
