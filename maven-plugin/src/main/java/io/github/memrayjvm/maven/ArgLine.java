package io.github.memrayjvm.maven;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Edits a JVM argument line such as surefire's {@code argLine}: puts memray's
 * {@code -javaagent} first and removes any older copy of it, keeping everything else the line
 * held. Arguments holding blanks are put in double quotes, which surefire's command line parser
 * understands. Pure.
 */
final class ArgLine {

    /**
     * A {@code -javaagent} of memray's agent jar ({@code memray-agent*.jar}) with its options,
     * an {@code -agentpath} of the native tracker's library ({@code libmemraynative*.so}),
     * quoted or not, or the native access memray grants, and the blanks after it.
     */
    private static final Pattern MEMRAY_AGENT = Pattern.compile(
            "(?:\"-javaagent:[^\"]*?memray-agent[^\"/\\\\]*\\.jar(?:=[^\"]*)?\""
                    + "|-javaagent:\\S*?memray-agent[^\\s/\\\\]*\\.jar(?:=\\S*)?"
                    + "|\"-agentpath:[^\"]*?libmemraynative[^\"/\\\\]*\\.so(?:=[^\"]*)?\""
                    + "|-agentpath:\\S*?libmemraynative[^\\s/\\\\]*\\.so(?:=\\S*)?"
                    + "|--enable-native-access=ALL-UNNAMED(?=\\s|$))\\s*");

    private ArgLine() {
    }

    /**
     * {@code line} with memray's agent argument and {@code jvmArgs} in front, and any older
     * memray agent removed.
     *
     * @param line    the line as it was; {@code null} or blank: nothing
     * @param agent   the agent argument, e.g. {@code -javaagent:/repo/memray-agent.jar=port=1}
     * @param jvmArgs more arguments to put after the agent
     */
    static String withAgent(String line, String agent, List<String> jvmArgs) {
        StringBuilder result = new StringBuilder(quote(agent));
        for (String arg : jvmArgs) {
            result.append(' ').append(quote(arg));
        }
        String rest = withoutAgent(line);
        if (!rest.isEmpty()) {
            result.append(' ').append(rest);
        }
        return result.toString();
    }

    /** {@code line} without memray's agent; {@code null} gives "". */
    static String withoutAgent(String line) {
        if (line == null) {
            return "";
        }
        return MEMRAY_AGENT.matcher(line).replaceAll("").trim();
    }

    /** An argument as one word of an argument line: in double quotes when it holds blanks. */
    static String quote(String argument) {
        return argument.chars().anyMatch(Character::isWhitespace)
                ? "\"" + argument + "\"" : argument;
    }
}
