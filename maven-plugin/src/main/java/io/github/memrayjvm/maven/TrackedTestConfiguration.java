package io.github.memrayjvm.maven;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Turns the configuration of the project's surefire {@code test} goal into one whose tests run
 * under memray: one forked JVM ({@code forkCount=1}, reused for every test class, since that JVM
 * holds the tests until a viewer connects and listens on the one port) whose {@code argLine}
 * starts with memray's agent. Pure: edits an {@link Xpp3Dom}.
 */
final class TrackedTestConfiguration {

    private static final String ARG_LINE = "argLine";

    private TrackedTestConfiguration() {
    }

    /**
     * Edits {@code config} in place.
     *
     * @param config          the goal's configuration (see {@link MojoConfigurations#forGoal})
     * @param parameters      the names of the goal's parameters
     * @param argLineProperty the value of the {@code argLine} property, or {@code null}
     * @param agent           the {@code -javaagent} argument
     * @param jvmArgs         more JVM arguments ({@code memray.jvmArgs}), put after the agent
     * @param environment     environment variables for the forked JVM
     */
    static void apply(Xpp3Dom config, Set<String> parameters, String argLineProperty,
                      String agent, List<String> jvmArgs, Map<String, String> environment) {
        set(config, parameters, "forkCount", "1");
        set(config, parameters, "reuseForks", "true");
        set(config, parameters, "forkMode", "once");
        set(config, parameters, ARG_LINE, argLine(text(config, ARG_LINE), argLineProperty, agent,
                jvmArgs));
        if (!environment.isEmpty() && parameters.contains("environmentVariables")) {
            Xpp3Dom variables = config.getChild("environmentVariables");
            if (variables == null) {
                variables = new Xpp3Dom("environmentVariables");
                config.addChild(variables);
            }
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                Xpp3Dom old = variables.getChild(variable.getKey());
                if (old == null) {
                    old = new Xpp3Dom(variable.getKey());
                    variables.addChild(old);
                }
                old.setValue(variable.getValue());
            }
        }
    }

    /**
     * The tests' argument line: the configured one (by default the {@code argLine} property),
     * with the property put in where it refers to it ({@code @{argLine}} or {@code ${argLine}}),
     * any older memray agent removed, memray's agent first and the extra JVM arguments after it.
     */
    static String argLine(String configured, String property, String agent, List<String> jvmArgs) {
        String old = property == null ? "" : property;
        String line = configured == null ? old
                : configured.replace("@{argLine}", old).replace("${argLine}", old);
        return ArgLine.withAgent(line, agent, jvmArgs);
    }

    private static String text(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        return child == null ? null : child.getValue();
    }

    private static void set(Xpp3Dom config, Set<String> parameters, String name, String value) {
        if (!parameters.contains(name)) {
            return;
        }
        Xpp3Dom child = config.getChild(name);
        if (child == null) {
            child = new Xpp3Dom(name);
            config.addChild(child);
        }
        child.setValue(value);
    }
}
