package io.github.memrayjvm.cli.it;

import static io.github.memrayjvm.cli.it.CliProcess.testClasspath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code memray run --live} with a real viewer: what the program and the user see. */
class RunLiveIT {

    static final Duration LONG = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProgramWaitsForAViewerAndItsArgumentsStreamsAndStatusPassThrough() throws Exception {
        try (CliProcess run = CliProcess.start("run", "--live", "-cp", testClasspath(),
                EchoProgram.class.getName(), "--live-port", "1", "--read", "--exit", "3")) {
            int port = run.awaitPort(LONG);
            Thread.sleep(1500);
            assertThat(run.out()).as("main must wait for a viewer").isEmpty();
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                run.awaitOut(Pattern.compile("^main started$"), LONG);
                run.writeStdin("hello from stdin\n");
                assertThat(run.waitFor(LONG)).isEqualTo(3);
                assertThat(run.out()).containsExactly("main started", "arg: --live-port",
                        "arg: 1", "arg: --read", "arg: --exit", "arg: 3",
                        "read: hello from stdin");
                assertThat(run.err()).containsExactly(
                        "Run 'memray live " + port + "' in another shell to see live results",
                        "a line on stderr");
                assertThat(viewer.waitFor(LONG)).isZero();
                List<String> lines = viewer.out();
                JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
                assertThat(last.get("type").asText()).isEqualTo("disconnected");
                JsonNode snapshot = JSON.readTree(lines.get(lines.size() - 2));
                assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
                assertThat(last.get("sample").asLong()).isEqualTo(snapshot.get("sample").asLong());
            }
        }
    }

    @Test
    void anExecutableJarRunsWithItsArgumentsAndTheGivenPort(@TempDir Path dir) throws Exception {
        Path jar = echoJar(dir);
        int port = FreePort.find();
        try (CliProcess run = CliProcess.start("run", "--live", "--live-port",
                Integer.toString(port), "-jar", jar.toString(), "--native", "x y")) {
            assertThat(run.awaitPort(LONG)).isEqualTo(port);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(run.out()).containsExactly("main started", "arg: --native", "arg: x y");
                assertThat(viewer.waitFor(LONG)).isZero();
            }
        }
    }

    static Path echoJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EchoProgram.class.getName());
        Path jar = dir.resolve("echo.jar");
        String entry = EchoProgram.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(Path.of(testClasspath(), entry)));
            out.closeEntry();
        }
        return jar;
    }
}
