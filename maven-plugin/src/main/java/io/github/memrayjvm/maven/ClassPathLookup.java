package io.github.memrayjvm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Whether a class is on a class path (folders and jars), so that a misspelt main class is
 * reported before a JVM is started that would wait for a viewer only to fail.
 */
final class ClassPathLookup {

    private ClassPathLookup() {
    }

    /** {@code true} when {@code className}'s class file is in one of {@code classpath}. */
    static boolean contains(List<Path> classpath, String className) {
        String entry = className.replace('.', '/') + ".class";
        for (Path element : classpath) {
            if (Files.isDirectory(element)) {
                if (Files.isRegularFile(element.resolve(entry))) {
                    return true;
                }
            } else if (Files.isRegularFile(element)) {
                try (ZipFile jar = new ZipFile(element.toFile())) {
                    if (jar.getEntry(entry) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: the JVM would not find the class there either
                }
            }
        }
        return false;
    }
}
