package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class MojoConfigurationsTest {

    @Test
    void theExecutionsConfigurationWinsOverThePluginsAndNothingIsShared() {
        Plugin plugin = new Plugin();
        plugin.setConfiguration(Dom.of("configuration", "forkCount", "2", "argLine", "-Da"));
        PluginExecution execution = new PluginExecution();
        execution.setId("default-test");
        execution.setConfiguration(Dom.of("configuration", "argLine", "-Db"));
        plugin.addExecution(execution);

        Xpp3Dom merged = MojoConfigurations.projectConfiguration(plugin, "default-test");
        merged.getChild("forkCount").setValue("1");

        assertThat(Dom.value(merged, "argLine")).isEqualTo("-Db");
        assertThat(Dom.value(merged, "forkCount")).isEqualTo("1");
        assertThat(Dom.value((Xpp3Dom) plugin.getConfiguration(), "forkCount")).isEqualTo("2");
    }

    @Test
    void withoutConfigurationItIsEmpty() {
        assertThat(MojoConfigurations.projectConfiguration(new Plugin(), "default-test")
                .getChildCount()).isZero();
    }

    @Test
    void theGoalGetsItsParametersOnlyWithDefaultsAndTypes() throws Exception {
        MojoDescriptor goal = new MojoDescriptor();
        goal.addParameter(parameter("argLine", null, null));
        goal.addParameter(parameter("forkCount", null, null));
        goal.addParameter(parameter("includes", "tests", "java.util.ArrayList"));
        goal.addParameter(parameter("skip", null, null));
        XmlPlexusConfiguration defaults = new XmlPlexusConfiguration("configuration");
        XmlPlexusConfiguration argLine = new XmlPlexusConfiguration("argLine");
        argLine.setValue("${argLine}");
        defaults.addChild(argLine);
        XmlPlexusConfiguration forkCount = new XmlPlexusConfiguration("forkCount");
        forkCount.setAttribute("default-value", "1");
        defaults.addChild(forkCount);
        goal.setMojoConfiguration(defaults);

        Xpp3Dom configured = Dom.of("configuration", "tests", "**/*IT.java",
                "notAParameter", "x", "forkCount", "3");
        Xpp3Dom result = MojoConfigurations.forGoal(goal, configured);

        assertThat(Dom.value(result, "argLine")).isEqualTo("${argLine}");
        assertThat(Dom.value(result, "forkCount")).isEqualTo("3");
        assertThat(Dom.value(result, "includes")).isEqualTo("**/*IT.java");
        assertThat(result.getChild("includes").getAttribute("implementation"))
                .isEqualTo("java.util.ArrayList");
        assertThat(result.getChild("notAParameter")).isNull();
        assertThat(result.getChild("skip")).isNull();
    }

    private static Parameter parameter(String name, String alias, String implementation) {
        Parameter parameter = new Parameter();
        parameter.setName(name);
        parameter.setAlias(alias);
        parameter.setImplementation(implementation);
        parameter.setType("java.lang.String");
        return parameter;
    }
}
