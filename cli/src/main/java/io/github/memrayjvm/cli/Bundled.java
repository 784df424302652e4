package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The jars carried inside the CLI's own jar (the agent, the demo program), written out to a
 * cache folder under a name made from their content, so that a new build never reuses an old
 * file and concurrent runs never see a half-written one.
 */
final class Bundled {

    /** The agent jar. */
    static final String AGENT = "memray-agent.jar";
    /** The demo program and workloads. */
    static final String EXAMPLES = "memray-examples.jar";

    private Bundled() {
    }

    /**
     * The file of bundled jar {@code name}, extracted if needed.
     *
     * @throws MemrayException if it is missing from this build or cannot be written
     */
    static Path file(String name) {
        byte[] content = read(name);
        Path dir = cacheRoot().resolve(hash(content));
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new MemrayException("cannot write " + target + ": " + e.getMessage()
                    + " (set XDG_CACHE_HOME to a writable folder)", e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = Bundled.class.getResourceAsStream("bundled/" + name)) {
            if (in == null) {
                throw new MemrayException(name + " is missing from this memray build;"
                        + " build it with 'mvn install' (not 'mvn compile')");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MemrayException("cannot read the bundled " + name + ": " + e.getMessage(), e);
        }
    }

    /** Where memray keeps the files it writes out: {@code $XDG_CACHE_HOME/memray} or ~/.cache/memray. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("memray");
    }

    private static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
