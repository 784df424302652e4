package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.tracker.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the heap sampler library for this platform in the jar, extracts it (see
 * {@link LibraryExtractor}), loads it with {@link System#load} and asks it whether this JVM
 * grants what it needs. Done once per JVM; the outcome is remembered. Thread-safe.
 */
final class SamplerLibrary {

    /** The library's file name inside {@code io/github/memrayjvm/tracker/jvmti/PLATFORM/}. */
    static final String FILE_NAME = "libmemrayjvmti.so";

    private static Availability availability;

    private SamplerLibrary() {
    }

    /** Whether the library is loaded and usable, loading it on the first call. */
    static synchronized Availability availability() {
        if (availability == null) {
            availability = load();
        }
        return availability;
    }

    /**
     * The platform directory for an {@code os.name} and {@code os.arch}, e.g.
     * {@code linux-x86_64}, or empty when there is no build for it.
     */
    static Optional<String> platform(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        return switch (osArch) {
            case "amd64", "x86_64" -> Optional.of("linux-x86_64");
            case "aarch64", "arm64" -> Optional.of("linux-aarch64");
            default -> Optional.empty();
        };
    }

    private static Availability load() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        Optional<String> platform = platform(osName, osArch);
        if (platform.isEmpty()) {
            return Availability.no("needs Linux on x86-64 or aarch64 (this is " + osName + " on "
                    + osArch + ")");
        }
        String resource = platform.get() + "/" + FILE_NAME;
        byte[] content;
        try (InputStream in = SamplerLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Availability.no("this build has no heap sampler library for "
                        + platform.get());
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            return Availability.no("cannot read the heap sampler library: " + e.getMessage());
        }
        Path file;
        try {
            file = LibraryExtractor.inTemporaryDirectory().extract(content, "libmemrayjvmti", ".so");
        } catch (IOException | RuntimeException e) {
            return Availability.no("cannot extract the heap sampler library: " + e.getMessage());
        }
        try {
            System.load(file.toString());
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return Availability.no("the heap sampler library did not load: " + e.getMessage());
        }
        try {
            String problem = NativeSampler.probe();
            return problem == null ? Availability.yes() : Availability.no(problem);
        } catch (UnsatisfiedLinkError e) {
            return Availability.no("the heap sampler library does not match this tracker: "
                    + e.getMessage());
        }
    }
}
