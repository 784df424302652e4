package io.github.memrayjvm.tracker.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes measured shares under {@code target/jfr-accuracy/} and echoes them on stdout. */
final class AccuracyRecord {

    static final Path DIRECTORY = Path.of("target", "jfr-accuracy");

    private AccuracyRecord() {
    }

    /** Writes {@code lines} to {@code target/jfr-accuracy/NAME.txt}. */
    static Path write(String name, List<String> lines) throws IOException {
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve(name + ".txt");
        Files.write(file, lines);
        System.out.println("[" + file + "]");
        lines.forEach(line -> System.out.println("  " + line));
        return file;
    }
}
