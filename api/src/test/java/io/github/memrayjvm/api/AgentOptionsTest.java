package io.github.memrayjvm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.agent.AgentOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void valuesWithCommasEqualsAndSpacesSurviveTheRoundTrip() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(AgentOptions.PORT, "43121");
        values.put(AgentOptions.TRACKERS, "jfr,native");
        values.put(AgentOptions.COMMAND, "com.example.App --x=1 \"a b\" é");
        values.put(AgentOptions.TRACKER_PATH, "/tmp/my trackers/a.jar:/b.jar");
        AgentOptions parsed = AgentOptions.parse(AgentOptions.of(values).format());
        assertThat(parsed.asMap()).containsExactlyEntriesOf(values);
        assertThat(parsed.getInt(AgentOptions.PORT, 0, 0, 65535)).isEqualTo(43121);
    }

    @Test
    void badValuesAreUserErrors() {
        assertThatThrownBy(() -> AgentOptions.parse("port"))
                .isInstanceOf(MemrayException.class).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AgentOptions.parse("port=70000").getInt("port", 0, 0, 65535))
                .isInstanceOf(MemrayException.class)
                .hasMessage("memray option port must be a number from 0 to 65535, not '70000'");
        assertThat(AgentOptions.parse("").asMap()).isEmpty();
        assertThat(AgentOptions.parse(null).getBoolean(AgentOptions.WAIT, true)).isTrue();
    }
}
