package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.memrayjvm.examples.workloads.DirectBuffersAndDeflaters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native tracker in real JVMs started the way the launcher starts them (the library
 * extracted with {@link NativeLibrary#extractTo}, {@code LD_PRELOAD}, {@code -agentpath}), on the
 * JDK running the tests and on Temurin 25 when it is installed, with {@link NativeDriver} running
 * {@link DirectBuffersAndDeflaters} through the tracker test kit.
 */
class NativeTrackerIT {

    private static final Path TEMURIN_25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final long DIRECT_BYTES =
            (long) DirectBuffersAndDeflaters.BUFFERS * DirectBuffersAndDeflaters.BUFFER_BYTES;

    @TempDir
    static Path cache;
    private static Path library;

    @BeforeAll
    static void extract() throws IOException {
        library = NativeLibrary.extractTo(cache);
    }

    @Test
    void directBuffersAreLiveAndDeflaterChurnIsNotOnThisJdk() throws Exception {
        assertExactFigures(currentJava());
    }

    @Test
    void directBuffersAreLiveAndDeflaterChurnIsNotOnTemurin25() throws Exception {
        assumeTrue(Files.isExecutable(TEMURIN_25), "Temurin 25 is not installed");
        assertExactFigures(TEMURIN_25);
    }

    @Test
    void samplingScalesToNearTheTruthAndSaysItIsAnEstimate() throws Exception {
        Map<String, String> out = run(currentJava(), true, "native-sampling=64k");
        assertThat(out.get("estimate")).isEqualTo("true");
        assertThat(Long.parseLong(out.get("directLive"))).isCloseTo(DIRECT_BYTES, within(DIRECT_BYTES / 20));
    }

    @Test
    void worksWithoutAgentPathThroughSystemLoad() throws Exception {
        Map<String, String> out = run(currentJava(), false);
        assertThat(Long.parseLong(out.get("directLive"))).isCloseTo(DIRECT_BYTES, within(DIRECT_BYTES / 100));
    }

    @Test
    void nativeFramesOnlyWhenJavaFramesAreTurnedOff() throws Exception {
        Map<String, String> out = run(currentJava(), true, "native-java-frames=false");
        assertThat(out.get("directLive")).isEqualTo("-1");
        // The buffers' memory under native frames alone, from the JVM's malloc on: JDK 17 calls it
        // from Unsafe_AllocateMemory0, JDK 25 jumps to it from there (no frame of its own).
        assertThat(Long.parseLong(out.get("biggestLive"))).isCloseTo(DIRECT_BYTES, within(DIRECT_BYTES / 100));
        assertThat(out.get("biggestFrames")).startsWith("os::malloc(");
        assertThat(out.get("biggestDomains")).isEqualTo("[NATIVE]");
    }

    private static void assertExactFigures(Path java) throws Exception {
        Map<String, String> out = run(java, true);
        // 48 direct buffers of 1 MiB, under ByteBuffer.allocateDirect's Java frame, on main.
        assertThat(Long.parseLong(out.get("directLive"))).isCloseTo(DIRECT_BYTES, within(DIRECT_BYTES / 100));
        assertThat(Long.parseLong(out.get("directLiveOnMain"))).isCloseTo(DIRECT_BYTES, within(DIRECT_BYTES / 100));
        assertThat(out.get("mainThreadName")).isEqualTo("main");
        assertThat(out.get("bigStack")).contains("os::malloc", "jdk.internal.misc.Unsafe.allocateMemory",
                "java.nio.ByteBuffer.allocateDirect", "DirectBuffersAndDeflaters.run");
        // 200 Deflaters of about 260 KiB of zlib state each were seen, and all were freed.
        assertThat(Long.parseLong(out.get("deflaterAllocated"))).isGreaterThan(200L * 200 * 1024);
        assertThat(Long.parseLong(out.get("deflateInitAllocated"))).isGreaterThan(200L * 200 * 1024);
        assertThat(Long.parseLong(out.get("deflaterLive"))).isBetween(0L, 16L * 1024);
        // The gauge holds at least the buffers, and its peak at least the current value.
        long gauge = Long.parseLong(out.get("gaugeCurrent"));
        assertThat(gauge).isGreaterThanOrEqualTo(Long.parseLong(out.get("directLive")));
        assertThat(Long.parseLong(out.get("gaugePeak"))).isGreaterThanOrEqualTo(gauge);
        assertThat(out.get("estimate")).isEqualTo("false");
        assertThat(out.get("warnings")).isEmpty();
    }

    private static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    private static Map<String, String> run(Path java, boolean agentPath, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m"));
        if (agentPath) {
            command.add("-agentpath:" + library);
        }
        command.addAll(List.of("-cp", classPath(), NativeDriver.class.getName(), "check"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(NativeLibrary.LD_PRELOAD,
                NativeLibrary.preloadValue(library, System.getenv(NativeLibrary.LD_PRELOAD)));
        Path stderr = Files.createTempFile(cache, "driver", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(stderr);
        assertThat(process.exitValue()).as("driver failed: %s%n%s", stdout, errors).isZero();
        if (agentPath) {
            assertThat(errors).as("nothing on the program's standard error").isEmpty();
        }
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isEmpty() ? path : System.getProperty("java.class.path");
    }
}
