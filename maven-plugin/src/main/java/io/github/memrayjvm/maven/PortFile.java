package io.github.memrayjvm.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A file the agent writes its port to once it listens (agent option {@code port-file}): tells
 * the plugin that tracking started, and on which port. Deleted on {@link #close()}.
 */
final class PortFile implements AutoCloseable {

    private final Path path;

    private PortFile(Path path) {
        this.path = path;
    }

    /** A new, unique name in {@code directory}; the file itself does not exist yet. */
    static PortFile create(Path directory) throws IOException {
        Path path = Files.createTempFile(directory, "port-", ".txt");
        Files.delete(path);
        return new PortFile(path);
    }

    Path path() {
        return path;
    }

    /** {@code true} once the agent has written its port. */
    boolean written() {
        return port().isPresent();
    }

    /** The port the agent wrote, if it did. */
    OptionalInt port() {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left in target/, harmless
        }
    }
}
