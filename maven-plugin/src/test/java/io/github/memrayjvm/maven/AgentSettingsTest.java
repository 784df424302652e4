package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSettingsTest {

    @TempDir
    Path basedir;

    private final AgentSettings.Values values = new AgentSettings.Values();

    @Test
    void everyParameterBecomesTheAgentOptionMemrayRunWouldGive() throws Exception {
        Path jar = Files.createFile(basedir.resolve("mine.jar"));
        Path pluginJar = Path.of("/repo/tracker.jar");
        values.port = "12345";
        values.host = "0.0.0.0";
        values.viewers = 2;
        values.nativeTracking = true;
        values.trackers = " jfr , buffer-pools ";
        values.trackerPath = "mine.jar";
        values.strict = true;
        values.heapSampling = 524288L;
        values.nativeSampling = 4096L;
        values.trackerOptions = "a=1, b=x=y";

        AgentOptions options = AgentSettings.of(values, basedir, List.of(pluginJar))
                .agentOptions(Map.of("port-file", "/tmp/p"));

        assertThat(options.asMap()).containsExactly(
                Map.entry("port", "12345"),
                Map.entry("host", "0.0.0.0"),
                Map.entry("viewers", "2"),
                Map.entry("trackers", "jfr,buffer-pools"),
                Map.entry("native", "true"),
                Map.entry("strict", "true"),
                Map.entry("tracker-path", pluginJar + File.pathSeparator + jar),
                Map.entry("heap-sampling", "524288"),
                Map.entry("native-sampling", "4096"),
                Map.entry("a", "1"),
                Map.entry("b", "x=y"),
                Map.entry("port-file", "/tmp/p"));
    }

    @Test
    void nothingGivenMeansAFreePortAndTheAgentsDefaults() throws Exception {
        AgentSettings settings = AgentSettings.of(values, basedir, List.of());

        assertThat(settings.agentOptions(Map.of()).asMap()).containsExactly(Map.entry("port", "0"));
        assertThat(settings.port()).isZero();
        assertThat(settings.host()).isNull();
    }

    @Test
    void theAgentArgumentCarriesTheFormattedOptions() throws Exception {
        values.port = "9";
        AgentSettings settings = AgentSettings.of(values, basedir, List.of());

        assertThat(settings.agentArgument(Path.of("/r/memray-agent.jar"), Map.of("command", "a b")))
                .isEqualTo("-javaagent:/r/memray-agent.jar=port=9,command=a+b");
    }

    @Test
    void aPortOutOfRangeOrNotANumberIsRefusedNamingTheProperty() {
        for (String bad : List.of("70000", "-1", "abc")) {
            values.port = bad;
            assertThatThrownBy(() -> AgentSettings.of(values, basedir, List.of()))
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage("live.port must be a port number from 1 to 65535 (or 0 for any"
                            + " free port), not '" + bad + "'");
        }
    }

    @Test
    void badNumbersAreRefusedNamingTheProperty() {
        values.viewers = 0;
        assertThatThrownBy(() -> AgentSettings.of(values, basedir, List.of()))
                .hasMessage("live.viewers must be at least 1, not 0");
        values.viewers = null;
        values.heapSampling = 0L;
        assertThatThrownBy(() -> AgentSettings.of(values, basedir, List.of()))
                .hasMessage("memray.heapSampling must be a positive number of bytes, not 0");
    }

    @Test
    void aMissingTrackerJarIsRefused() {
        values.trackerPath = "missing.jar";
        assertThatThrownBy(() -> AgentSettings.of(values, basedir, List.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("memray.trackerPath: " + basedir.resolve("missing.jar")
                        + " is not a jar file");
    }

    @Test
    void aTrackerOptionWithoutValueIsRefused() {
        values.trackerOptions = "novalue";
        assertThatThrownBy(() -> AgentSettings.of(values, basedir, List.of()))
                .hasMessage("memray.trackerOptions: expected key=value, not 'novalue'");
    }
}
