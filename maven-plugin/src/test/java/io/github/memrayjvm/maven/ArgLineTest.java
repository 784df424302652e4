package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final String AGENT = "-javaagent:/home/u/.m2/repository/io/github/memrayjvm/"
            + "memray-agent/1.0/memray-agent-1.0.jar=port=12345";

    @Test
    void theAgentGoesFirstAndWhatTheLineHeldIsKept() {
        assertThat(ArgLine.withAgent("-Xmx1g -Dx=y", AGENT, List.of()))
                .isEqualTo(AGENT + " -Xmx1g -Dx=y");
    }

    @Test
    void anEmptyOrMissingLineGivesTheAgentAlone() {
        assertThat(ArgLine.withAgent(null, AGENT, List.of())).isEqualTo(AGENT);
        assertThat(ArgLine.withAgent("  ", AGENT, List.of())).isEqualTo(AGENT);
    }

    @Test
    void anOlderCopyOfMemraysAgentIsReplacedWhereverItIs() {
        String older = "-javaagent:/old/memray-agent-0.9-SNAPSHOT.jar=port=1,trackers=jfr";
        assertThat(ArgLine.withAgent("-Xmx1g " + older + " -Dx=y", AGENT, List.of()))
                .isEqualTo(AGENT + " -Xmx1g -Dx=y");
        assertThat(ArgLine.withAgent(ArgLine.withAgent("-Da=b", AGENT, List.of()), AGENT,
                List.of())).isEqualTo(AGENT + " -Da=b");
    }

    @Test
    void aQuotedOlderAgentInAFolderWithBlanksIsRemovedToo() {
        String older = "\"-javaagent:/my repo/memray-agent-1.0.jar=port=1\"";
        assertThat(ArgLine.withoutAgent(older + " -Xss2m")).isEqualTo("-Xss2m");
    }

    @Test
    void theNativeTrackersAgentPathOfAnEarlierRunIsRemovedToo() {
        String line = AGENT + " -agentpath:/p/target/memray/native/libmemraynative-0a1b.so -Xss2m";

        assertThat(ArgLine.withoutAgent(line)).isEqualTo("-Xss2m");
        assertThat(ArgLine.withAgent(line, AGENT, List.of("-agentpath:/p/libmemraynative-0a1b.so")))
                .isEqualTo(AGENT + " -agentpath:/p/libmemraynative-0a1b.so -Xss2m");
    }

    @Test
    void theNativeAccessMemrayGrantsIsNotRepeated() {
        List<String> first = List.of("--enable-native-access=ALL-UNNAMED");
        String once = ArgLine.withAgent("-Dx=y", AGENT, first);

        assertThat(ArgLine.withAgent(once, AGENT, first))
                .isEqualTo(AGENT + " --enable-native-access=ALL-UNNAMED -Dx=y");
        assertThat(ArgLine.withoutAgent("--enable-native-access=ALL-UNNAMED-NOT -Da=b"))
                .isEqualTo("--enable-native-access=ALL-UNNAMED-NOT -Da=b");
    }

    @Test
    void otherAgentsStay() {
        String jacoco = "-javaagent:/repo/org.jacoco.agent-0.8.12-runtime.jar=destfile=x.exec";
        assertThat(ArgLine.withAgent(jacoco, AGENT, List.of())).isEqualTo(AGENT + " " + jacoco);
    }

    @Test
    void argumentsWithBlanksAreQuoted() {
        String agent = "-javaagent:/my repo/memray-agent-1.0.jar=port=1";
        assertThat(ArgLine.withAgent("-Dx=y", agent, List.of("-Dname=two words", "-Xmx1g")))
                .isEqualTo("\"" + agent + "\" \"-Dname=two words\" -Xmx1g -Dx=y");
    }
}
