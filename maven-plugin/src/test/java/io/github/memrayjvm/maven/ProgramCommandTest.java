package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramCommandTest {

    @Test
    void jvmArgumentsThenTheAgentThenTheClassPathThenTheProgram() {
        ProgramCommand command = new ProgramCommand(Path.of("/jdk/bin/java"),
                List.of("-Xmx1g", "-Dk=v"), "-javaagent:/r/memray-agent.jar=port=1",
                List.of(Path.of("/p/classes"), Path.of("/r/lib.jar")), "com.example.Main",
                List.of("a", "b c"));

        assertThat(command.toList()).containsExactly("/jdk/bin/java", "-Xmx1g", "-Dk=v",
                "-javaagent:/r/memray-agent.jar=port=1", "-cp",
                "/p/classes" + File.pathSeparator + "/r/lib.jar", "com.example.Main", "a", "b c");
        assertThat(ProgramCommand.shown("com.example.Main", List.of("a", "b c")))
                .isEqualTo("com.example.Main a b c");
    }
}
