package io.github.memrayjvm.maven;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's main class, or its tests, in a forked JVM under live memory tracking.
 *
 * <p>The forked JVM prints {@code Run 'memray live PORT' in another shell to see live results}
 * and waits for that viewer before the program (or the first test) starts.
 *
 * <ul>
 *   <li>{@code mvn memray:run -Dlive.port=12345 [-Dmemray.mainClass=com.example.Main]
 *       [-Dmemray.args="a b"]}: runs the main class with the project's runtime class path, in
 *       the project's folder. The program's output passes through; a non-zero exit status fails
 *       the build.</li>
 *   <li>{@code mvn memray:run -Dlive.port=12345 -Dmemray.tests [-Dtest=SomeTest]}: runs the
 *       tests with the project's own maven-surefire-plugin (its version and configuration), in
 *       one forked JVM ({@code forkCount=1}, reused for every test class) started with memray's
 *       agent; a failing test fails the build.</li>
 * </ul>
 *
 * The project is compiled first, test classes included ({@code test-compile}).
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends AbstractMemrayMojo {

    /**
     * The class whose {@code main} runs. Default: the project's {@code exec.mainClass}
     * property, else the Main-Class of maven-jar-plugin's manifest configuration.
     */
    @Parameter(property = "memray.mainClass")
    String mainClass;

    /**
     * The program's arguments, separated by blanks, quoted like in a shell, e.g.
     * {@code -Dmemray.args="input.txt 'two words'"}.
     */
    @Parameter(property = "memray.args")
    String args;

    /** Run the project's tests instead of a main class. */
    @Parameter(property = "memray.tests", defaultValue = "false")
    boolean tests;

    /**
     * The java executable of the tracked JVM; default: the one running Maven. With
     * {@code memray.tests}, surefire's {@code jvm} is used as configured in the project.
     */
    @Parameter(property = "memray.java")
    File java;

    private final BuildPluginManager pluginManager;

    /** Maven creates the goal, giving it the manager that runs the project's surefire. */
    @Inject
    public RunMojo(BuildPluginManager pluginManager) {
        this.pluginManager = pluginManager;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("memray:run skipped (memray.skip)");
            return;
        }
        AgentSettings settings = settings();
        if (tests) {
            runTests(settings);
        } else {
            runMain(settings);
        }
    }

    private void runMain(AgentSettings settings)
            throws MojoExecutionException, MojoFailureException {
        String main = MainClassChoice.of(mainClass, effectiveProperties(), project)
                .orElseThrow(() -> new MojoFailureException("memray:run needs a main class: "
                        + MainClassChoice.HOW_TO_NAME_ONE));
        List<Path> classpath = runtimeClasspath();
        if (!ClassPathLookup.contains(classpath, main)) {
            throw new MojoFailureException("memray:run: main class " + main + " is not in the"
                    + " project's runtime class path (" + project.getBuild().getOutputDirectory()
                    + " and " + (classpath.size() - 1) + " dependencies); check its name");
        }
        List<String> programArgs = words("memray.args", args);
        TrackedJvm jvm = trackedJvm();
        try (PortFile portFile = PortFile.create(workDirectory())) {
            String agent = settings.agentArgument(agentJar(), Map.of(
                    AgentOptions.PORT_FILE, portFile.path().toString(),
                    AgentOptions.COMMAND, ProgramCommand.shown(main, programArgs)));
            List<String> command = new ProgramCommand(java == null
                    ? ProgramCommand.currentJava() : java.toPath(), jvm.jvmArgs(), agent,
                    classpath, main, programArgs).toList();
            getLog().debug("memray: " + command);
            int status = new ForkedProgram(command, project.getBasedir().toPath(),
                    jvm.environment()).run(System.out, System.err);
            if (status != 0) {
                throw new MojoFailureException(portFile.written()
                        ? main + " exited with status " + status
                        : "memray could not start tracking " + main + " (see memray's message"
                        + " above); exit status " + status);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot run " + main + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while " + main + " was running", e);
        }
    }

    private void runTests(AgentSettings settings)
            throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("memray:run: no tests in " + project.getArtifactId()
                    + " (packaging pom)");
            return;
        }
        SurefireTests surefire = new SurefireTests(pluginManager, session, project);
        getLog().info("memray: running the tests of " + project.getArtifactId() + " with "
                + surefire.plugin().getId() + " in one forked JVM (forkCount=1) under live"
                + " tracking; the tests start once a viewer connects");
        TrackedJvm jvm = trackedJvm();
        try (PortFile portFile = PortFile.create(workDirectory())) {
            String agent = settings.agentArgument(agentJar(), Map.of(
                    AgentOptions.PORT_FILE, portFile.path().toString(),
                    AgentOptions.COMMAND, "tests of " + project.getId()));
            try {
                surefire.run(agent, jvm.jvmArgs(), jvm.environment());
            } catch (MojoExecutionException | MojoFailureException e) {
                if (!portFile.written()) {
                    // surefire's message (which Maven would print, cause included) is a long
                    // "forked VM terminated" story; the test JVM's own lines above (memray's,
                    // or the JVM's) say what happened
                    getLog().debug("surefire: " + e.getMessage(), e);
                    throw new MojoFailureException("memray could not start tracking the tests:"
                            + " the test JVM ended before memray listened (see its messages"
                            + " above)");
                }
                throw e;
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot prepare the tracked tests: "
                    + e.getMessage(), e);
        }
    }

    private List<Path> runtimeClasspath() throws MojoExecutionException {
        try {
            List<Path> classpath = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                classpath.add(Path.of(element));
            }
            return classpath;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's dependencies are not resolved: "
                    + e.getMessage(), e);
        }
    }

    private Path workDirectory() throws IOException {
        return Files.createDirectories(Path.of(project.getBuild().getDirectory(), "memray"));
    }
}
