package io.github.memrayjvm.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the tracked JVM {@code memray:run} forks:
 * {@code java [jvm args] -javaagent:AGENT=OPTIONS -cp CLASSPATH MAIN [args]}. Pure.
 *
 * @param java        the java executable
 * @param jvmArgs     options for the JVM ({@code memray.jvmArgs}), in order
 * @param agent       the {@code -javaagent:...} argument
 * @param classpath   the program's class path, in order
 * @param mainClass   the class whose {@code main} runs
 * @param programArgs the program's arguments ({@code memray.args}), passed untouched
 */
record ProgramCommand(Path java, List<String> jvmArgs, String agent, List<Path> classpath,
                      String mainClass, List<String> programArgs) {

    /** The command, ready for {@link ProcessBuilder}. */
    List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add(agent);
        command.add("-cp");
        command.add(String.join(File.pathSeparator,
                classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(programArgs);
        return command;
    }

    /** {@code mainClass args...}: what viewers show as the program's command line. */
    static String shown(String mainClass, List<String> programArgs) {
        List<String> shown = new ArrayList<>();
        shown.add(mainClass);
        shown.addAll(programArgs);
        return String.join(" ", shown);
    }

    /** The java executable of the JVM running Maven. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
