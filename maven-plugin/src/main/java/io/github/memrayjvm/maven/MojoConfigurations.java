package io.github.memrayjvm.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The configuration a goal of another plugin gets when Maven runs it in the build, rebuilt so
 * that memray can run that goal itself: the project's plugin-level configuration, overridden by
 * the execution's, completed with the goal's defaults and reduced to the goal's parameters (as
 * Maven's lifecycle does before it runs a goal). Pure over Maven's model objects.
 */
final class MojoConfigurations {

    private MojoConfigurations() {
    }

    /**
     * The project's configuration of {@code plugin} for {@code executionId}: the execution's
     * elements win over the plugin-level ones. A copy: changing it changes nothing in the project.
     */
    static Xpp3Dom projectConfiguration(Plugin plugin, String executionId) {
        Xpp3Dom pluginLevel = copy(plugin.getConfiguration());
        PluginExecution execution = plugin.getExecutionsAsMap().get(executionId);
        Xpp3Dom executionLevel = execution == null ? null : copy(execution.getConfiguration());
        if (executionLevel == null) {
            return pluginLevel == null ? new Xpp3Dom("configuration") : pluginLevel;
        }
        return Xpp3Dom.mergeXpp3Dom(executionLevel, pluginLevel);
    }

    /**
     * The configuration Maven would give the goal: for each parameter of {@code mojo}, the
     * configured element (by name or alias) merged over the goal's default, with its type.
     */
    static Xpp3Dom forGoal(MojoDescriptor mojo, Xpp3Dom configured) {
        Xpp3Dom defaults = defaults(mojo);
        Xpp3Dom result = new Xpp3Dom("configuration");
        if (mojo.getParameters() == null) {
            return result;
        }
        for (Parameter parameter : mojo.getParameters()) {
            Xpp3Dom value = configured.getChild(parameter.getName());
            if (value == null && parameter.getAlias() != null) {
                value = configured.getChild(parameter.getAlias());
            }
            Xpp3Dom merged = Xpp3Dom.mergeXpp3Dom(copy(value),
                    copy(defaults.getChild(parameter.getName())), Boolean.TRUE);
            if (merged == null) {
                continue;
            }
            Xpp3Dom element = new Xpp3Dom(merged, parameter.getName());
            String implementation = parameter.getImplementation();
            if (isEmpty(element.getAttribute("implementation")) && !isEmpty(implementation)) {
                element.setAttribute("implementation", implementation);
            }
            result.addChild(element);
        }
        return result;
    }

    /** The goal's default configuration ({@code ${expression}} and default values). */
    static Xpp3Dom defaults(MojoDescriptor mojo) {
        Xpp3Dom dom = new Xpp3Dom("configuration");
        PlexusConfiguration configuration = mojo.getMojoConfiguration();
        if (configuration == null) {
            return dom;
        }
        for (PlexusConfiguration child : configuration.getChildren()) {
            String value = child.getValue(null);
            String defaultValue = child.getAttribute("default-value", null);
            if (value != null || defaultValue != null) {
                Xpp3Dom element = new Xpp3Dom(child.getName());
                element.setValue(value);
                if (defaultValue != null) {
                    element.setAttribute("default-value", defaultValue);
                }
                dom.addChild(element);
            }
        }
        return dom;
    }

    private static Xpp3Dom copy(Object dom) {
        return dom instanceof Xpp3Dom x ? new Xpp3Dom(x) : null;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
