package io.github.memrayjvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the harness finds what it runs: the JVM, memray's command-line jar and agent, the
 * workloads' class path, async-profiler's library and heaptrack.
 *
 * @param root the repository's root
 * @param work a directory for the runs' files
 */
public record Env(Path root, Path work) {

    /** The repository at {@code memray.root} (default: the working directory). */
    public static Env fromSystemProperties() throws IOException {
        Path root = Path.of(System.getProperty("memray.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/work");
        Files.createDirectories(work);
        Env env = new Env(root, work);
        for (Path needed : new Path[] {env.cliJar(), env.agentJar(), env.examplesJar()}) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalStateException(needed + " is missing: build first with "
                        + "mvn -q install -DskipTests");
            }
        }
        return env;
    }

    /** The JVM running the harness; every run uses it. */
    public Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public String javaVersion() {
        return System.getProperty("java.version");
    }

    public Path cliJar() {
        return root.resolve("cli/target/memray-cli.jar");
    }

    /**
     * The command that runs {@code memray ARGS...} through the {@code memray} launcher at the
     * repository's root (with the launcher's JVM options), on {@link #java()}. The launcher
     * replaces itself with that JVM, so the process is the command line's own.
     */
    public List<String> memray(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "MEMRAY_JAVA=" + java(),
                root.resolve("memray").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The agent jar the command line launches with (bundled in {@link #cliJar()}). */
    public Path agentJar() {
        return single(root.resolve("agent/target"), "memray-agent-", ".jar");
    }

    public Path examplesJar() {
        return single(root.resolve("examples/target"), "memray-examples-", ".jar");
    }

    /** The workloads: the examples and the harness's own programs. */
    public String programClasspath() {
        return examplesJar() + java.io.File.pathSeparator + root.resolve("bench/target/classes");
    }

    /** async-profiler's library for this machine, extracted from its Maven Central jar. */
    public Optional<Path> asyncProfiler() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "linux-arm64" : "linux-x64";
        Path lib = work.resolve("libasyncProfiler.so");
        try (InputStream in = Env.class.getClassLoader()
                .getResourceAsStream(arch + "/libasyncProfiler.so")) {
            if (in == null || !System.getProperty("os.name").equals("Linux")) {
                return Optional.empty();
            }
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(lib);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row 1's sampling floor agent (src/main/c/sampling_floor.c), when it was built. */
    public Optional<Path> samplingFloor() {
        Path lib = root.resolve("bench/target/native/libsamplingfloor.so");
        return Files.isRegularFile(lib) ? Optional.of(lib) : Optional.empty();
    }

    /** Row 1's empty Java agent (floor/EmptyAgent), as the bench's pom packages it. */
    public Path emptyAgent() {
        return root.resolve("bench/target/native/empty-agent.jar");
    }

    /** heaptrack on the PATH, when installed. */
    public Optional<Path> heaptrack() {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "heaptrack"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path single(Path dir, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(suffix)
                            && !p.getFileName().toString().contains("sources"))
                    .findFirst().orElse(dir.resolve(prefix + "*" + suffix));
        } catch (IOException e) {
            return dir.resolve(prefix + "*" + suffix);
        }
    }
}
