package io.github.memrayjvm.maven;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.tracker.natives.NativeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What a tracked JVM needs for native tracking ({@code memray.native}), as
 * {@code memray run --native} gives it: the native tracker's library preloaded before the JVM
 * allocates anything ({@code LD_PRELOAD}) and bound as a JVMTI agent ({@code -agentpath}). The
 * library comes out of the module tracker-native ({@link NativeLibrary}).
 *
 * @param jvmArgs     options to add to the JVM's command line
 * @param environment variables to add to its environment
 */
record NativePreload(List<String> jvmArgs, Map<String, String> environment) {

    /** Nothing to add. */
    static final NativePreload NONE = new NativePreload(List.of(), Map.of());

    /**
     * The preload, with the library written out to {@code directory} (reused when it is there
     * already), or {@link #NONE} with a warning where native tracking cannot work here and
     * {@code strict} is not set.
     *
     * @throws MojoFailureException   where it cannot work and {@code strict} is set
     * @throws MojoExecutionException if the library cannot be written out
     */
    static NativePreload forRun(Path directory, boolean strict, Log log)
            throws MojoFailureException, MojoExecutionException {
        if (!NativeLibrary.isSupportedPlatform()) {
            String why = "memray.native: native tracking needs Linux on x86-64 or aarch64, this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch");
            if (strict) {
                throw new MojoFailureException(why);
            }
            log.warn(why + "; going on without it");
            return NONE;
        }
        try {
            Path library = NativeLibrary.extractTo(directory);
            return new NativePreload(List.of("-agentpath:" + library),
                    Map.of(NativeLibrary.LD_PRELOAD, NativeLibrary.preloadValue(library,
                            System.getenv(NativeLibrary.LD_PRELOAD))));
        } catch (IOException | MemrayException e) {
            throw new MojoExecutionException("memray.native: cannot write out the native"
                    + " tracker's library to " + directory + ": " + e.getMessage(), e);
        }
    }
}
