package io.github.memrayjvm.maven;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Which main class {@code memray:run} runs: {@code memray.mainClass}, else the project's
 * {@code exec.mainClass} property, else the {@code Main-Class} the project's jar manifest is
 * configured with (maven-jar-plugin {@code archive/manifest/mainClass} or
 * {@code archive/manifestEntries/Main-Class}). Pure over the project model.
 */
final class MainClassChoice {

    /** The property exec-maven-plugin reads. */
    static final String EXEC_MAIN_CLASS = "exec.mainClass";
    static final String JAR_PLUGIN = "org.apache.maven.plugins:maven-jar-plugin";

    /** How the user names a main class, for the message when there is none. */
    static final String HOW_TO_NAME_ONE = "name the class to run with -Dmemray.mainClass="
            + "com.example.Main (or the exec.mainClass property, or maven-jar-plugin's"
            + " <archive><manifest><mainClass>), or run the tests with -Dmemray.tests";

    private MainClassChoice() {
    }

    /**
     * The main class.
     *
     * @param given      {@code memray.mainClass}, or {@code null}
     * @param properties the project's properties merged with the user's ({@code -D})
     */
    static Optional<String> of(String given, Properties properties, MavenProject project) {
        if (!blank(given)) {
            return Optional.of(given.trim());
        }
        String exec = properties.getProperty(EXEC_MAIN_CLASS);
        if (!blank(exec)) {
            return Optional.of(exec.trim());
        }
        return jarManifestMainClass(project.getPlugin(JAR_PLUGIN));
    }

    /** The main class of maven-jar-plugin's manifest configuration, if any. */
    static Optional<String> jarManifestMainClass(Plugin jarPlugin) {
        if (jarPlugin == null || !(jarPlugin.getConfiguration() instanceof Xpp3Dom config)) {
            return Optional.empty();
        }
        Xpp3Dom archive = config.getChild("archive");
        if (archive == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(text(archive.getChild("manifest"), "mainClass"))
                .or(() -> Optional.ofNullable(text(archive.getChild("manifestEntries"),
                        "Main-Class")));
    }

    private static String text(Xpp3Dom parent, String child) {
        if (parent == null || parent.getChild(child) == null) {
            return null;
        }
        String value = parent.getChild(child).getValue();
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
