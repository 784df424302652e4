package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class MainClassChoiceTest {

    private final MavenProject project = new MavenProject(new Model());
    private final Properties properties = new Properties();

    @Test
    void theParameterWins() {
        properties.setProperty("exec.mainClass", "com.example.Exec");
        withJarManifest("manifest", "mainClass", "com.example.Jar");

        assertThat(MainClassChoice.of(" com.example.Given ", properties, project))
                .contains("com.example.Given");
    }

    @Test
    void thenExecMainClass() {
        properties.setProperty("exec.mainClass", "com.example.Exec");
        withJarManifest("manifest", "mainClass", "com.example.Jar");

        assertThat(MainClassChoice.of(null, properties, project)).contains("com.example.Exec");
    }

    @Test
    void thenTheJarManifestsMainClass() {
        withJarManifest("manifest", "mainClass", "com.example.Jar");

        assertThat(MainClassChoice.of("", properties, project)).contains("com.example.Jar");
    }

    @Test
    void orItsMainClassManifestEntry() {
        withJarManifest("manifestEntries", "Main-Class", "com.example.Entry");

        assertThat(MainClassChoice.of(null, properties, project)).contains("com.example.Entry");
    }

    @Test
    void otherwiseNone() {
        assertThat(MainClassChoice.of(null, properties, project)).isEmpty();
        Plugin jar = new Plugin();
        jar.setGroupId("org.apache.maven.plugins");
        jar.setArtifactId("maven-jar-plugin");
        project.getBuild().addPlugin(jar);
        assertThat(MainClassChoice.of(null, properties, project)).isEmpty();
    }

    private void withJarManifest(String section, String name, String value) {
        Xpp3Dom entry = new Xpp3Dom(name);
        entry.setValue(value);
        Xpp3Dom manifest = new Xpp3Dom(section);
        manifest.addChild(entry);
        Xpp3Dom archive = new Xpp3Dom("archive");
        archive.addChild(manifest);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(archive);
        Plugin jar = new Plugin();
        jar.setGroupId("org.apache.maven.plugins");
        jar.setArtifactId("maven-jar-plugin");
        jar.setConfiguration(configuration);
        project.getBuild().addPlugin(jar);
    }
}
