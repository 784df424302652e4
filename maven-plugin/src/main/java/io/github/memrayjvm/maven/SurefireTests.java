package io.github.memrayjvm.maven;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.InvalidPluginDescriptorException;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.MojoNotFoundException;
import org.apache.maven.plugin.PluginConfigurationException;
import org.apache.maven.plugin.PluginDescriptorParsingException;
import org.apache.maven.plugin.PluginManagerException;
import org.apache.maven.plugin.PluginNotFoundException;
import org.apache.maven.plugin.PluginResolutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs the project's tests the way its own build would — the project's maven-surefire-plugin,
 * its version, dependencies and configuration (plugin level and the {@code default-test}
 * execution) — with the changes of {@link TrackedTestConfiguration}, through Maven's
 * {@link BuildPluginManager}. Used once per {@code memray:run -Dmemray.tests}.
 */
final class SurefireTests {

    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
    static final String EXECUTION_ID = "default-test";

    private final BuildPluginManager plugins;
    private final MavenSession session;
    private final MavenProject project;

    SurefireTests(BuildPluginManager plugins, MavenSession session, MavenProject project) {
        this.plugins = plugins;
        this.session = session;
        this.project = project;
    }

    /** The surefire plugin of the project's build, with its version. */
    Plugin plugin() throws MojoFailureException {
        Plugin surefire = project.getPlugin(SUREFIRE);
        if (surefire == null) {
            throw new MojoFailureException("memray:run -Dmemray.tests runs the tests with the"
                    + " project's maven-surefire-plugin, but the build of " + project.getId()
                    + " has none (packaging " + project.getPackaging() + ")");
        }
        return surefire;
    }

    /**
     * Runs the tests.
     *
     * @param agent       the {@code -javaagent} argument
     * @param jvmArgs     more JVM arguments
     * @param environment environment variables for the test JVM
     * @throws MojoFailureException when a test fails (surefire's own failure) or the test JVM
     *                              ends badly
     */
    void run(String agent, List<String> jvmArgs, Map<String, String> environment)
            throws MojoExecutionException, MojoFailureException {
        Plugin surefire = plugin();
        MojoDescriptor goal = goal(surefire);
        Xpp3Dom config = MojoConfigurations.forGoal(goal,
                MojoConfigurations.projectConfiguration(surefire, EXECUTION_ID));
        Set<String> parameters = goal.getParameters() == null ? Set.of()
                : goal.getParameters().stream().map(Parameter::getName).collect(Collectors.toSet());
        TrackedTestConfiguration.apply(config, parameters, argLineProperty(), agent, jvmArgs,
                environment);
        MojoExecution execution = new MojoExecution(goal, EXECUTION_ID,
                MojoExecution.Source.LIFECYCLE);
        execution.setLifecyclePhase("test");
        execution.setConfiguration(config);
        try {
            plugins.executeMojo(session, execution);
        } catch (PluginConfigurationException | PluginManagerException e) {
            throw new MojoExecutionException("cannot run " + surefire.getId() + ":test: "
                    + e.getMessage(), e);
        }
    }

    private MojoDescriptor goal(Plugin surefire) throws MojoExecutionException {
        try {
            return plugins.getMojoDescriptor(surefire, "test",
                    project.getRemotePluginRepositories(), session.getRepositorySession());
        } catch (PluginNotFoundException | PluginResolutionException
                 | PluginDescriptorParsingException | MojoNotFoundException
                 | InvalidPluginDescriptorException e) {
            throw new MojoExecutionException("cannot load " + surefire.getId() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The {@code argLine} property as surefire would see it: the user's, else the project's. */
    private String argLineProperty() {
        String value = session.getUserProperties().getProperty("argLine");
        if (value == null) {
            value = session.getSystemProperties().getProperty("argLine");
        }
        return value != null ? value : project.getProperties().getProperty("argLine");
    }
}
