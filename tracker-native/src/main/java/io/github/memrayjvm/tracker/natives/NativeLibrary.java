package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.MemrayException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The native tracker's shared library ({@code libmemraynative.so}), as launchers need it.
 *
 * <p>The library must be loaded before the JVM allocates anything, so the launcher that forks
 * the tracked JVM must:
 * <ol>
 *   <li>extract it: {@code Path lib = NativeLibrary.extractTo(cacheDir)} (reuses an identical
 *       file, so a shared cache directory is fine);</li>
 *   <li>set the environment variable {@code LD_PRELOAD} of the forked {@code java} process to
 *       {@link #preloadValue(Path, String) preloadValue(lib, System.getenv("LD_PRELOAD"))};</li>
 *   <li>name the tracker in the agent options: {@code trackers=native} (with any other
 *       trackers, e.g. {@code trackers=jvmti,native}), optionally {@code native-sampling=BYTES}
 *       and {@code native-java-frames=false}.</li>
 * </ol>
 * Child processes of the tracked program inherit {@code LD_PRELOAD}; in them the library only
 * forwards to the real allocator, since nothing enables it there.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class NativeLibrary {

    /** The environment variable the dynamic loader reads. */
    public static final String LD_PRELOAD = "LD_PRELOAD";

    /** The library's base name; extracted copies are {@code libmemraynative-HASH.so}. */
    public static final String BASE_NAME = "libmemraynative";

    private static final String RESOURCE_DIRECTORY = "io/github/memrayjvm/tracker/natives/";

    private NativeLibrary() {
    }

    /** {@code true} on Linux on x86-64 or aarch64, the platforms the library is built for. */
    public static boolean isSupportedPlatform() {
        return platform().isPresent();
    }

    /** The platform directory of the packaged library, e.g. {@code linux-x86_64}. */
    public static Optional<String> platform() {
        return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static Optional<String> platform(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return Optional.of("linux-x86_64");
            case "aarch64":
            case "arm64":
                return Optional.of("linux-aarch64");
            default:
                return Optional.empty();
        }
    }

    /** The class-path resource holding this platform's library, if the platform is supported. */
    public static Optional<String> resourceName() {
        return platform().map(p -> RESOURCE_DIRECTORY + p + "/" + BASE_NAME + ".so");
    }

    /**
     * Extracts the packaged library into {@code directory} (created if needed) as
     * {@code libmemraynative-HASH.so}, HASH being a digest of its content: an existing file of
     * that name is reused, a new one is written to a temporary file and moved into place
     * atomically, so concurrent launchers never see a partial file.
     *
     * @return the library's absolute path
     * @throws MemrayException if the platform is not supported or this jar has no library for it
     * @throws IOException     if the file cannot be written
     */
    public static Path extractTo(Path directory) throws IOException {
        String resource = resourceName().orElseThrow(() -> new MemrayException(
                "the native tracker needs Linux on x86-64 or aarch64, not "
                        + System.getProperty("os.name") + " on " + System.getProperty("os.arch")));
        byte[] content;
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new MemrayException("this memray build has no native library for "
                        + platform().orElseThrow() + " (" + resource + " is missing)");
            }
            content = in.readAllBytes();
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(BASE_NAME + "-" + digest(content) + ".so").toAbsolutePath();
        if (Files.isRegularFile(target) && Files.size(target) == content.length) {
            return target;
        }
        Path temporary = Files.createTempFile(directory, BASE_NAME, ".tmp");
        try {
            Files.write(temporary, content);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * The {@code LD_PRELOAD} value that loads {@code library} first and keeps what was there.
     *
     * @param existing the current value, or {@code null}
     */
    public static String preloadValue(Path library, String existing) {
        String path = library.toAbsolutePath().toString();
        return existing == null || existing.isBlank() ? path : path + ":" + existing;
    }

    /**
     * The library as mapped into this process (it was preloaded), found in
     * {@code /proc/self/maps}; empty when it is not there.
     */
    public static Optional<Path> preloaded() {
        try {
            return preloadedIn(Files.readAllLines(Paths.get("/proc/self/maps")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> preloadedIn(List<String> mapsLines) {
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            Path path = Paths.get(line.substring(slash).trim());
            String name = path.getFileName().toString();
            if (name.startsWith(BASE_NAME) && name.endsWith(".so")) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
