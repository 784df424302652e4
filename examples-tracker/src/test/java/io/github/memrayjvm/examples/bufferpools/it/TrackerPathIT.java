package io.github.memrayjvm.examples.bufferpools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.memrayjvm.api.ApiVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party tracker jar on {@code memray run --tracker-path}, through the real command line,
 * agent and viewer: it is found, selected by name, and its rows reach the viewer; a provider
 * built for another API version is refused with both versions named.
 */
class TrackerPathIT {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TRACKER_JAR = Path.of(System.getProperty("memray.tracker.jar"));
    private static final String PROGRAM_CLASSPATH =
            Path.of("target", "test-classes").toAbsolutePath().toString();

    @Test
    void theBufferPoolTrackerFromItsJarReportsTheDirectBuffersTheProgramHolds(@TempDir Path dir)
            throws Exception {
        try (MemrayCli run = MemrayCli.start(dir, "run", "run", "--live",
                "--tracker-path", TRACKER_JAR.toString(), "--tracker", "buffer-pools",
                "-cp", PROGRAM_CLASSPATH, DirectBufferProgram.class.getName())) {
            int port = run.awaitPort(LONG);
            try (MemrayCli viewer = MemrayCli.start(dir, "viewer", "live",
                    Integer.toString(port), "--renderer", "json", "--timeout", "60")) {
                assertThat(run.waitFor(LONG)).as("stderr: %s", run.err()).isZero();
                assertThat(run.out()).containsExactly("holding 16 direct buffers");
                assertThat(viewer.waitFor(LONG)).as("stderr: %s", viewer.err()).isZero();

                List<JsonNode> lines = new ArrayList<>();
                for (String line : viewer.out()) {
                    lines.add(JSON.readTree(line));
                }
                assertThat(lines.get(lines.size() - 1).get("type").asText())
                        .isEqualTo("disconnected");
                JsonNode last = lines.get(lines.size() - 2);
                assertThat(last.get("trackers").findValuesAsText("name"))
                        .containsExactly("buffer-pools");
                JsonNode direct = location(last, "buffer-pools", "direct");
                assertThat(direct.get("domain").asText()).isEqualTo("other");
                // while the program held them; once main returned, a GC may free them before
                // the last snapshot
                long mostLive = lines.stream().filter(l -> l.get("type").asText().equals("snapshot"))
                        .mapToLong(l -> location(l, "buffer-pools", "direct").at("/live/own").asLong())
                        .max().orElse(0);
                assertThat(mostLive).isGreaterThanOrEqualTo(16L << 20);
                // live figures: the buffers still held; allocated: every buffer the pool ever had
                assertThat(direct.at("/allocated/allocations").asLong()).isGreaterThanOrEqualTo(16);
                assertThat(last.get("buffer-pools").get("peak").asLong())
                        .isGreaterThanOrEqualTo(16L << 20);
            }
        }
    }

    @Test
    void aProviderBuiltForAnotherApiVersionIsRefusedNamingBothVersions(@TempDir Path dir)
            throws Exception {
        Path jar = otherVersionJar(dir);
        try (MemrayCli run = MemrayCli.start(dir, "run", "run", "--live",
                "--tracker-path", jar.toString(), "--tracker", "other-version",
                "-cp", PROGRAM_CLASSPATH, DirectBufferProgram.class.getName())) {
            assertThat(run.waitFor(LONG)).isEqualTo(1);
            assertThat(run.out()).as("the program must not start").isEmpty();
            assertThat(String.join("\n", run.err())).contains("tracker 'other-version'",
                    OtherVersionProvider.class.getName(),
                    "built for memray API version " + (ApiVersion.CURRENT + 1)
                            + ", but this memray has API version " + ApiVersion.CURRENT);
        }
    }

    /** A jar holding {@link OtherVersionProvider} and its service registration. */
    private static Path otherVersionJar(Path dir) throws IOException {
        Path jar = dir.resolve("other-version-tracker.jar");
        String classFile = OtherVersionProvider.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(classFile));
            out.write(Files.readAllBytes(Path.of(PROGRAM_CLASSPATH, classFile)));
            out.closeEntry();
            out.putNextEntry(new JarEntry(
                    "META-INF/services/io.github.memrayjvm.api.tracker.TrackerProvider"));
            out.write((OtherVersionProvider.class.getName() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static JsonNode location(JsonNode snapshot, String tracker, String function) {
        for (JsonNode location : snapshot.get("locations")) {
            if (location.get("tracker").asText().equals(tracker)
                    && location.get("function").asText().equals(function)) {
                return location;
            }
        }
        throw new AssertionError("no " + tracker + " row '" + function + "' in " + snapshot);
    }
}
