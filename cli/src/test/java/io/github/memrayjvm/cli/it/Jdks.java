package io.github.memrayjvm.cli.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs the tracked programs run on: the one running the tests, and Temurin 25 if present. */
final class Jdks {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private Jdks() {
    }

    /** java executables to run tracked programs with. */
    static Stream<String> javas() {
        List<String> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Files.isExecutable(TEMURIN_25)) {
            javas.add(TEMURIN_25.toString());
        }
        return javas.stream();
    }
}
