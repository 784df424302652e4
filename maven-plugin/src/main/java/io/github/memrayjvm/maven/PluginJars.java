package io.github.memrayjvm.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The jars memray takes from the plugin's own class path: its agent, and the tracker jars a
 * project adds as &lt;dependencies&gt; of the plugin. Pure over Maven's artifact objects.
 */
final class PluginJars {

    /** The key of the agent in the plugin's artifact map. */
    static final String AGENT = "io.github.memrayjvm:memray-agent";

    private PluginJars() {
    }

    /**
     * The agent jar.
     *
     * @throws MojoExecutionException if the plugin was resolved without it
     */
    static Path agent(Map<String, Artifact> pluginArtifacts) throws MojoExecutionException {
        Artifact agent = pluginArtifacts.get(AGENT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("the memray plugin was resolved without its agent ("
                    + AGENT + "); check the plugin's <dependencies> for an exclusion of it");
        }
        return agent.getFile().toPath().toAbsolutePath();
    }

    /**
     * The jars of the dependencies the project added to the plugin, and of what they depend on
     * (but not of what the plugin itself depends on), in the plugin's class path order.
     *
     * @param pluginArtifacts every artifact of the plugin's class path, each with its
     *                        dependency trail (the plugin, then the path to it)
     * @param added           the &lt;dependencies&gt; of the plugin in the project's build
     */
    static List<Path> addedTrackers(Collection<Artifact> pluginArtifacts,
                                    List<Dependency> added) {
        Set<String> addedKeys = added.stream()
                .map(d -> d.getGroupId() + ":" + d.getArtifactId())
                .collect(Collectors.toSet());
        List<Path> jars = new ArrayList<>();
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null && "jar".equals(artifact.getType())
                    && cameThroughOneOf(artifact, addedKeys)) {
                jars.add(artifact.getFile().toPath().toAbsolutePath());
            }
        }
        return jars;
    }

    /**
     * {@code true} when the artifact is one of {@code keys} or, by its trail, a dependency of
     * one: the trail's second entry is the plugin's direct dependency it came through.
     */
    private static boolean cameThroughOneOf(Artifact artifact, Set<String> keys) {
        if (keys.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
            return true;
        }
        List<String> trail = artifact.getDependencyTrail();
        if (trail == null || trail.size() < 2) {
            return false;
        }
        String[] direct = trail.get(1).split(":");
        return direct.length >= 2 && keys.contains(direct[0] + ":" + direct[1]);
    }
}
