package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathLookupTest {

    @TempDir
    Path dir;

    @Test
    void findsClassesInFoldersAndJars() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/com/example")).getParent()
                .getParent();
        Files.createFile(classes.resolve("com/example/Main.class"));
        Path jar = dir.resolve("lib.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("org/lib/Tool.class"));
            out.closeEntry();
        }
        List<Path> classpath = List.of(classes, jar, dir.resolve("missing.jar"));

        assertThat(ClassPathLookup.contains(classpath, "com.example.Main")).isTrue();
        assertThat(ClassPathLookup.contains(classpath, "org.lib.Tool")).isTrue();
        assertThat(ClassPathLookup.contains(classpath, "com.example.Mian")).isFalse();
    }

    @Test
    void aFileThatIsNotAJarHoldsNothing() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThat(ClassPathLookup.contains(List.of(notAJar), "com.example.Main")).isFalse();
    }
}
