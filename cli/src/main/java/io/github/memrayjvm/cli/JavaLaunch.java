package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a tracked JVM: {@code java [jvm options] -javaagent:AGENT=OPTIONS
 * [-cp CP] (MAIN | -jar JAR) [args]}. Pure: builds a list of strings.
 *
 * @param java         the java executable
 * @param jvmOptions   options for the JVM, in order
 * @param agentJar     memray's agent jar
 * @param agentOptions the agent's options
 * @param classpath    the class path, or {@code null}
 * @param mainClass    the main class, or {@code null} when {@code jar} is given
 * @param jar          the application jar, or {@code null} when {@code mainClass} is given
 * @param programArgs  the program's arguments, passed untouched
 */
record JavaLaunch(Path java, List<String> jvmOptions, Path agentJar, AgentOptions agentOptions,
                  String classpath, String mainClass, String jar, List<String> programArgs) {

    /** Grants the class path native access, so no warning reaches the program's stderr. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The command, ready for {@link ProcessBuilder}. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // memray's trackers load native libraries; JDK 24+ warns on the program's stderr unless
        // native access is granted (JDK 17+ accepts the option)
        command.add(NATIVE_ACCESS);
        command.addAll(jvmOptions);
        String options = agentOptions.format();
        command.add("-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options));
        if (classpath != null) {
            command.add("-cp");
            command.add(classpath);
        }
        if (jar != null) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add(mainClass);
        }
        command.addAll(programArgs);
        return command;
    }

    /** The java executable of the JVM running this code. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code -Dkey=value} options for a map of system properties. */
    static List<String> systemProperties(Map<String, String> properties) {
        List<String> options = new ArrayList<>();
        properties.forEach((k, v) -> options.add("-D" + k + (v.isEmpty() ? "" : "=" + v)));
        return options;
    }
}
