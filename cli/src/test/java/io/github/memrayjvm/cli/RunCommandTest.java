package io.github.memrayjvm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

    static final Path AGENT = Path.of("/opt/memray-agent.jar");

    static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        CommandLine commandLine = new CommandLine(run);
        commandLine.setStopAtPositional(true);
        commandLine.parseArgs(args);
        return run;
    }

    @Test
    void memrayOptionsAfterTheMainClassBelongToTheProgram() {
        List<String> command = parse("--live", "-cp", "app.jar", "App", "--live-port", "1", "-x")
                .launch(AGENT).command();
        assertThat(command).endsWith("-cp", "app.jar", "App", "--live-port", "1", "-x");
        assertThat(command.get(1)).isEqualTo(JavaLaunch.NATIVE_ACCESS);
        assertThat(command.get(2)).isEqualTo("-javaagent:/opt/memray-agent.jar");
    }

    @Test
    void everythingAfterTheJarBelongsToTheProgram() {
        List<String> command = parse("--live", "--live-port", "4000", "-jar", "app.jar",
                "--native", "--live-port", "9").launch(AGENT).command();
        assertThat(command).endsWith("-jar", "app.jar", "--native", "--live-port", "9");
        String agent = command.get(2);
        AgentOptions options = AgentOptions.parse(agent.substring(agent.indexOf('=') + 1));
        assertThat(options.get(AgentOptions.PORT, "")).isEqualTo("4000");
        assertThat(options.asMap()).doesNotContainKey(AgentOptions.NATIVE);
    }

    @Test
    void memrayOptionsBecomeAgentOptionsAndJvmOptionsComeFirst() {
        RunCommand run = parse("--live", "--live-host", "0.0.0.0", "--tracker", "jfr,native",
                "--native", "--heap-sampling", "65536", "-J-Xmx64m", "-Dmode=fast",
                "--live-token", "s3cret", "App");
        List<String> command = run.launch(AGENT).command();
        assertThat(command.subList(2, 4)).containsExactly("-Dmode=fast", "-Xmx64m");
        AgentOptions options = run.agentOptions();
        assertThat(options.asMap())
                .containsEntry(AgentOptions.HOST, "0.0.0.0")
                .containsEntry(AgentOptions.TRACKERS, "jfr,native")
                .containsEntry(AgentOptions.NATIVE, "true")
                .containsEntry("heap-sampling", "65536")
                .doesNotContainKey(AgentOptions.TOKEN);
        assertThat(String.join(" ", command)).doesNotContain("s3cret");
        assertThat(run.environment()).containsEntry("MEMRAY_LIVE_TOKEN", "s3cret");
    }

    @Test
    void badUsageIsRefusedWithAMessage() {
        assertThatThrownBy(() -> parse("App").launch(AGENT))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("add --live");
        assertThatThrownBy(() -> parse("--live").launch(AGENT))
                .hasMessageContaining("name the program");
        assertThatThrownBy(() -> parse("--live", "--live-port", "70000", "App").launch(AGENT))
                .hasMessageContaining("--live-port must be from 1 to 65535");
        assertThatThrownBy(() -> parse("--live", "--bogus", "App"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
