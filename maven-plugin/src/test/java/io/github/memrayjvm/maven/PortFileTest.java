package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortFileTest {

    @TempDir
    Path dir;

    @Test
    void notWrittenUntilTheAgentWritesItsPortAndGoneAfterClose() throws Exception {
        Path path;
        try (PortFile file = PortFile.create(dir)) {
            path = file.path();
            assertThat(path).doesNotExist();
            assertThat(path.getParent()).isEqualTo(dir);
            assertThat(file.written()).isFalse();
            Files.writeString(path, "");
            assertThat(file.written()).as("empty: still being written").isFalse();
            Files.writeString(path, "43121");
            assertThat(file.written()).isTrue();
            assertThat(file.port()).hasValue(43121);
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void eachRunGetsItsOwnFile() throws Exception {
        try (PortFile first = PortFile.create(dir); PortFile second = PortFile.create(dir)) {
            assertThat(first.path()).isNotEqualTo(second.path());
        }
    }
}
