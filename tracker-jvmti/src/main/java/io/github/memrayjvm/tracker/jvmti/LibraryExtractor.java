package io.github.memrayjvm.tracker.jvmti;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Writes a native library's bytes to a file that can be loaded: in a directory only the current
 * user can write to, under a name made of the content's hash, so that one file serves every JVM
 * that runs the same build and a file is never replaced while another JVM maps it. The file is
 * written aside and moved into place atomically; an existing file with the right content is
 * reused. Stateless and thread-safe (concurrent JVMs race harmlessly).
 */
final class LibraryExtractor {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    private final Path directory;

    /** @param directory where libraries are extracted; created owner-only if missing */
    LibraryExtractor(Path directory) {
        this.directory = directory;
    }

    /** The default place: {@code memray-USER} in the temporary directory. */
    static LibraryExtractor inTemporaryDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return new LibraryExtractor(Path.of(System.getProperty("java.io.tmpdir"), "memray-" + user));
    }

    /**
     * Returns a file holding {@code content}, named {@code prefix-HASH suffix}.
     *
     * @throws IOException if the directory is unsafe (someone else's, or writable by others) or
     *                     the file cannot be written
     */
    Path extract(byte[] content, String prefix, String suffix) throws IOException {
        ensureSafeDirectory();
        Path target = directory.resolve(prefix + "-" + hash(content) + suffix);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return target;
        }
        Path temporary = Files.createTempFile(directory, prefix, ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private void ensureSafeDirectory() throws IOException {
        try {
            Files.createDirectories(directory.getParent());
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " is not a directory");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(directory,
                PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        var attributes = view.readAttributes();
        String me = System.getProperty("user.name");
        if (me != null && !attributes.owner().getName().equals(me)) {
            throw new IOException(directory + " belongs to " + attributes.owner().getName()
                    + ", not to " + me);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(directory + " can be written by other users");
        }
    }

    /**
     * The content's CRC-32C and length, in 16 hex digits. A name only: {@link #extract} compares
     * the content of a file it reuses, so two contents with the same name cost a rewrite, never a
     * wrong library. (A cryptographic digest would start the JVM's security providers in the
     * tracked program: about a hundred classes and their registrations, objects that its first
     * young collections then copy.)
     */
    static String hash(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return HexFormat.of().toHexDigits(crc.getValue() << 32 | content.length);
    }
}
