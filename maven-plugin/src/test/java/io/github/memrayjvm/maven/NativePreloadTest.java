package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.memrayjvm.tracker.natives.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePreloadTest {

    @TempDir
    Path dir;

    @Test
    void theLibraryIsWrittenOutPreloadedAndBoundAsAnAgent() throws Exception {
        assumeTrue(NativeLibrary.isSupportedPlatform(), "native tracking runs on Linux only");

        NativePreload preload = NativePreload.forRun(dir, true, new SystemStreamLog());

        assertThat(preload.jvmArgs()).hasSize(1);
        Path library = Path.of(preload.jvmArgs().get(0).substring("-agentpath:".length()));
        assertThat(library.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(library.getFileName().toString()).startsWith("libmemraynative").endsWith(".so");
        assertThat(Files.size(library)).isPositive();
        assertThat(preload.environment().get("LD_PRELOAD")).startsWith(library.toString());
        assertThat(NativePreload.forRun(dir, true, new SystemStreamLog()).jvmArgs())
                .as("the same file is reused").isEqualTo(preload.jvmArgs());
    }
}
