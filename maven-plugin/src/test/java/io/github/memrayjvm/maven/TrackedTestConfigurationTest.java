package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class TrackedTestConfigurationTest {

    private static final String AGENT = "-javaagent:/r/memray-agent-1.0.jar=port=1";
    private static final Set<String> SUREFIRE_3 =
            Set.of("argLine", "forkCount", "reuseForks", "environmentVariables");

    @Test
    void oneReusedForkedJvmWhateverTheProjectSaid() {
        Xpp3Dom config = Dom.of("configuration", "forkCount", "4", "reuseForks", "false",
                "argLine", "${argLine}");

        TrackedTestConfiguration.apply(config, SUREFIRE_3, null, AGENT, List.of(), Map.of());

        assertThat(Dom.value(config, "forkCount")).isEqualTo("1");
        assertThat(Dom.value(config, "reuseForks")).isEqualTo("true");
        assertThat(config.getChild("forkMode")).as("not a parameter of this surefire").isNull();
    }

    @Test
    void anOlderSurefireGetsForkModeOnce() {
        Xpp3Dom config = Dom.of("configuration", "forkMode", "never");

        TrackedTestConfiguration.apply(config, Set.of("forkMode", "argLine"), null, AGENT,
                List.of(), Map.of());

        assertThat(Dom.value(config, "forkMode")).isEqualTo("once");
        assertThat(Dom.value(config, "argLine")).isEqualTo(AGENT);
    }

    @Test
    void theArgLinePropertyIsKeptBehindTheAgent() {
        assertThat(TrackedTestConfiguration.argLine("${argLine}", "-Dp=1", AGENT, List.of()))
                .isEqualTo(AGENT + " -Dp=1");
        assertThat(TrackedTestConfiguration.argLine("${argLine}", null, AGENT, List.of()))
                .isEqualTo(AGENT);
    }

    @Test
    void aConfiguredArgLineKeepsItsOwnArgumentsAndTakesThePropertyWhereItRefersToIt() {
        assertThat(TrackedTestConfiguration.argLine("@{argLine} -Dlate=1", "-Dp=1", AGENT,
                List.of())).isEqualTo(AGENT + " -Dp=1 -Dlate=1");
        assertThat(TrackedTestConfiguration.argLine("-Xmx1g", "-Dp=1", AGENT, List.of()))
                .isEqualTo(AGENT + " -Xmx1g");
        assertThat(TrackedTestConfiguration.argLine("@{argLine} -Dlate=1", null, AGENT,
                List.of())).isEqualTo(AGENT + " -Dlate=1");
    }

    @Test
    void anAgentAlreadyPutThereByPrepareAgentIsNotAddedTwice() {
        String prepared = "-javaagent:/r/memray-agent-1.0.jar=port=99 -Dp=1";

        assertThat(TrackedTestConfiguration.argLine("${argLine}", prepared, AGENT,
                List.of("-Xss4m"))).isEqualTo(AGENT + " -Xss4m -Dp=1");
    }

    @Test
    void environmentVariablesAreAddedToTheProjectsOwn() {
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(Dom.of("environmentVariables", "LANG", "C", "MEMRAY_LIVE_TOKEN", "old"));

        TrackedTestConfiguration.apply(config, SUREFIRE_3, null, AGENT, List.of(),
                Map.of("MEMRAY_LIVE_TOKEN", "secret", "LD_PRELOAD", "/lib/x.so"));

        Xpp3Dom variables = config.getChild("environmentVariables");
        assertThat(Dom.value(variables, "LANG")).isEqualTo("C");
        assertThat(Dom.value(variables, "MEMRAY_LIVE_TOKEN")).isEqualTo("secret");
        assertThat(Dom.value(variables, "LD_PRELOAD")).isEqualTo("/lib/x.so");
    }
}
