package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {

    @TempDir
    Path directory;

    @Test
    void supportsLinuxOnX86AndArmOnly() {
        assertThat(NativeLibrary.platform("Linux", "amd64")).contains("linux-x86_64");
        assertThat(NativeLibrary.platform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(NativeLibrary.platform("Mac OS X", "aarch64")).isEmpty();
        assertThat(NativeLibrary.platform("Linux", "ppc64le")).isEmpty();
    }

    @Test
    void extractsUnderAContentHashedNameAndReusesIt() throws Exception {
        Path first = NativeLibrary.extractTo(directory);
        assertThat(first.getFileName().toString()).matches("libmemraynative-[0-9a-f]{16}\\.so");
        assertThat(Files.size(first)).isGreaterThan(1000);
        assertThat(Files.isExecutable(first)).isTrue();
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(first, written);

        Path second = NativeLibrary.extractTo(directory);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(first); // no temporary file left behind
        }
    }

    @Test
    void rewritesAFileOfTheRightNameButWrongSize() throws Exception {
        Path good = NativeLibrary.extractTo(directory);
        Files.write(good, new byte[] {1, 2, 3});

        Path again = NativeLibrary.extractTo(directory);

        assertThat(Files.size(again)).isGreaterThan(1000);
    }

    @Test
    void preloadValueGoesFirstAndKeepsWhatWasThere() {
        Path lib = Paths.get("/cache/libmemraynative-0123.so");
        assertThat(NativeLibrary.preloadValue(lib, null)).isEqualTo("/cache/libmemraynative-0123.so");
        assertThat(NativeLibrary.preloadValue(lib, "/opt/libjemalloc.so"))
                .isEqualTo("/cache/libmemraynative-0123.so:/opt/libjemalloc.so");
    }

    @Test
    void findsThePreloadedLibraryInTheMappings() {
        List<String> maps = List.of(
                "7f00-7f01 r--p 00000000 fd:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f02-7f03 r-xp 00001000 fd:01 2 /tmp/my cache/libmemraynative-0a1b2c3d4e5f6789.so",
                "7ffd-7ffe rw-p 00000000 00:00 0 [stack]");
        assertThat(NativeLibrary.preloadedIn(maps))
                .contains(Paths.get("/tmp/my cache/libmemraynative-0a1b2c3d4e5f6789.so"));
        assertThat(NativeLibrary.preloadedIn(maps.subList(0, 1))).isEmpty();
    }

    @Test
    void thisTestJvmIsNotPreloaded() {
        assertThat(NativeLibrary.preloaded()).isEmpty();
    }
}
