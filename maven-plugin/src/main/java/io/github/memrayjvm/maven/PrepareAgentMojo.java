package io.github.memrayjvm.maven;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets the {@code argLine} property so that the project's own test run (surefire, or failsafe)
 * is tracked live: {@code mvn memray:prepare-agent test -Dlive.port=12345}. What the property
 * held is kept, after memray's agent; an older copy of memray's agent is removed, so the goal may
 * run twice. The test JVM waits for a viewer ({@code memray live 12345}) before the tests start;
 * with more than one test JVM ({@code forkCount} above 1) all of them try the same port, so run
 * such projects with {@code -DforkCount=1}, or use {@code memray:run -Dmemray.tests}.
 *
 * <p>A project that sets surefire's argLine parameter itself must include the property in it,
 * as in <code>@{argLine} -Xmx1g</code>. With {@code memray.skip} the property is set to
 * the empty string when it was not defined, so that {@code @{argLine}} never reaches a JVM
 * literally.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMemrayMojo {

    /** The property to set; surefire and failsafe read {@code argLine}. */
    @Parameter(property = "memray.propertyName", defaultValue = "argLine")
    String propertyName;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Properties target = propertiesHolding(propertyName);
        String old = target.getProperty(propertyName);
        if (skip) {
            if (old == null) {
                project.getProperties().setProperty(propertyName, "");
                getLog().info("memray:prepare-agent skipped (memray.skip): " + propertyName
                        + " set to \"\"");
            } else {
                getLog().info("memray:prepare-agent skipped (memray.skip)");
            }
            return;
        }
        AgentSettings settings = settings();
        if (nativeTracking) {
            // the library must be in the test JVM's LD_PRELOAD, which no property can set
            String why = "memray.native: prepare-agent cannot set the test JVM's LD_PRELOAD;"
                    + " use memray:run -Dmemray.tests for native tracking";
            if (strict) {
                throw new MojoFailureException(why);
            }
            getLog().warn(why);
        }
        Map<String, String> more = token == null || token.isEmpty()
                ? Map.of() : Map.of(AgentOptions.TOKEN, token);
        String agent = settings.agentArgument(agentJar(), more);
        List<String> jvm = new ArrayList<>();
        jvm.add(NATIVE_ACCESS);
        jvm.addAll(words("memray.jvmArgs", jvmArgs));
        String value = ArgLine.withAgent(old, agent, jvm);
        target.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
        if (settings.port() != 0) {
            getLog().info("memray: the tests wait for a viewer: run 'memray live "
                    + settings.port() + (settings.host() == null ? "" : " --host "
                    + settings.host()) + "' in another shell once they start");
        }
    }

    /**
     * Where the property is read from: the user's properties ({@code -DargLine=...}) win over
     * the project's when surefire reads its configuration, so a value given there is extended
     * there.
     */
    private Properties propertiesHolding(String name) {
        return session.getUserProperties().containsKey(name)
                ? session.getUserProperties() : project.getProperties();
    }
}
