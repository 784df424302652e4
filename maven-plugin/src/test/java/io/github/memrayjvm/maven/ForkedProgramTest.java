package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM: what it prints reaches the given streams, its status comes back. */
class ForkedProgramTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void outputArgumentsFolderEnvironmentAndStatusPassThrough() throws Exception {
        List<String> command = List.of(ProgramCommand.currentJava().toString(), "-cp",
                System.getProperty("java.class.path"), EchoProgram.class.getName(), "5", "a b");

        int status = new ForkedProgram(command, dir, Map.of("MEMRAY_TEST_VARIABLE", "v"))
                .run(new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(
                System.lineSeparator(), "args=5|a b", "dir=" + dir.toAbsolutePath(), "env=v", ""));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to stderr"
                + System.lineSeparator());
    }

    @Test
    void aMissingExecutableCannotBeStarted() {
        ForkedProgram program = new ForkedProgram(List.of(dir.resolve("no-java").toString()), dir,
                Map.of());

        assertThatThrownBy(() -> program.run(new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(IOException.class);
    }
}
