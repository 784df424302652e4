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

    /**
     * memray's one-time work (finding the heap's pools and collectors, bootstrapping method
     * handles for generated equals/hashCode or string concatenation) is done before main, not on
     * the program's cores while it runs: a class-loading log of the tracked JVM shows none of
     * those classes loaded after the program's main class.
     */
    @Test
    void whileTheProgramRunsMemrayLoadsNoManagementNorMethodHandleMachinery(@TempDir Path dir)
            throws Exception {
        Path classes = dir.resolve("classes.log");
        try (CliProcess run = CliProcess.start("run", "--live",
                "-J-Xlog:class+load:file=" + classes, "-cp", testClasspath(),
                EchoProgram.class.getName(), "--read")) {
            int port = run.awaitPort(LONG);
            try (CliProcess viewer = CliProcess.start("live", Integer.toString(port),
                    "--renderer", "json")) {
                run.awaitOut(Pattern.compile("^main started$"), LONG);
                Thread.sleep(1500); // six snapshots
                run.writeStdin("done\n");
                assertThat(run.waitFor(LONG)).isZero();
                assertThat(viewer.waitFor(LONG)).isZero();
                assertThat(viewer.out().stream().filter(l -> l.contains("\"snapshot\""))
                        .count()).isGreaterThanOrEqualTo(5);
            }
        }
        List<String> log = Files.readAllLines(classes);
        int main = indexOfLoad(log, EchoProgram.class.getName());
        assertThat(main).as("the program's main class in the class-loading log").isPositive();
        assertThat(log.subList(main, log.size()))
                .noneMatch(line -> line.contains(" java.lang.runtime.ObjectMethods ")
                        || line.contains(" java.lang.invoke.StringConcatFactory ")
                        || line.contains(" java.lang.management.")
                        || line.contains(" sun.management."));
    }

    private static int indexOfLoad(List<String> log, String className) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(" " + className + " source:")) {
                return i;
            }
        }
        return -1;
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
