package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class PluginJarsTest {

    private static final String PLUGIN = "io.github.memrayjvm:memray-maven-plugin:maven-plugin:1.0";

    @Test
    void theAgentComesFromThePluginsArtifactMap() throws Exception {
        Artifact agent = artifact("io.github.memrayjvm", "memray-agent", PLUGIN);

        assertThat(PluginJars.agent(Map.of(PluginJars.AGENT, agent)))
                .isEqualTo(agent.getFile().toPath().toAbsolutePath());
    }

    @Test
    void aPluginWithoutItsAgentIsAnError() {
        assertThatThrownBy(() -> PluginJars.agent(Map.of()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("io.github.memrayjvm:memray-agent");
    }

    @Test
    void trackersAreTheAddedDependenciesAndWhatTheyBroughtButNotThePluginsOwn() {
        Artifact api = artifact("io.github.memrayjvm", "memray-api", PLUGIN);
        Artifact agent = artifact("io.github.memrayjvm", "memray-agent", PLUGIN);
        Artifact tracker = artifact("com.acme", "acme-tracker", PLUGIN);
        Artifact library = artifact("com.acme", "acme-lib", PLUGIN,
                "com.acme:acme-tracker:jar:2.0");
        Artifact pluginLibrary = artifact("org.lib", "lib", PLUGIN,
                "io.github.memrayjvm:memray-api:jar:1.0");

        List<Path> jars = PluginJars.addedTrackers(
                List.of(api, agent, tracker, library, pluginLibrary),
                List.of(dependency("com.acme", "acme-tracker")));

        assertThat(jars).containsExactly(path(tracker), path(library));
    }

    @Test
    void noAddedDependenciesNoTrackers() {
        Artifact api = artifact("io.github.memrayjvm", "memray-api", PLUGIN);

        assertThat(PluginJars.addedTrackers(List.of(api), List.of())).isEmpty();
    }

    private static Path path(Artifact artifact) {
        return artifact.getFile().toPath().toAbsolutePath();
    }

    private static Artifact artifact(String groupId, String artifactId, String... trail) {
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", "runtime",
                "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setFile(new File("/repo/" + artifactId + "-1.0.jar"));
        List<String> fullTrail = new java.util.ArrayList<>(List.of(trail));
        fullTrail.add(artifact.getId());
        artifact.setDependencyTrail(fullTrail);
        return artifact;
    }

    private static Dependency dependency(String groupId, String artifactId) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setVersion("2.0");
        return dependency;
    }
}
