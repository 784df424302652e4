package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryExtractorTest {

    @TempDir
    Path temporary;

    private final byte[] content = "library bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void writesTheContentUnderAHashedNameInAnOwnerOnlyDirectory() throws IOException {
        Path directory = temporary.resolve("memray-test");
        Path file = new LibraryExtractor(directory).extract(content, "libx", ".so");

        assertThat(file.getParent()).isEqualTo(directory);
        assertThat(file.getFileName().toString())
                .isEqualTo("libx-" + LibraryExtractor.hash(content) + ".so")
                .matches("libx-[0-9a-f]{16}\\.so");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
        assertThat(leftovers(directory)).isEmpty();
    }

    @Test
    void reusesTheFileOfTheSameContentAndRepairsADamagedOne() throws IOException {
        LibraryExtractor extractor = new LibraryExtractor(temporary.resolve("memray-test"));
        Path first = extractor.extract(content, "libx", ".so");
        long modified = Files.getLastModifiedTime(first).toMillis();
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));

        Path again = extractor.extract(content, "libx", ".so");
        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(modified - 60_000);

        Files.write(first, "truncated".getBytes(StandardCharsets.UTF_8));
        Path repaired = extractor.extract(content, "libx", ".so");
        assertThat(Files.readAllBytes(repaired)).isEqualTo(content);
    }

    @Test
    void differentContentGetsADifferentFile() throws IOException {
        LibraryExtractor extractor = new LibraryExtractor(temporary.resolve("memray-test"));
        Path one = extractor.extract(content, "libx", ".so");
        Path other = extractor.extract("other".getBytes(StandardCharsets.UTF_8), "libx", ".so");

        assertThat(other).isNotEqualTo(one);
        assertThat(Files.readAllBytes(one)).isEqualTo(content);
    }

    @Test
    void refusesADirectoryOthersCanWriteTo() throws IOException {
        Path shared = temporary.resolve("shared");
        Files.createDirectory(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> new LibraryExtractor(shared).extract(content, "libx", ".so"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("can be written by other users");
    }

    private static java.util.List<Path> leftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".tmp")).toList();
        }
    }
}
