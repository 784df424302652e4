package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharesTest {

    static final List<String> SITES = List.of("a.Sites.large", "a.Sites.tiny");

    @Test
    void collapsedStacksCountForEverySiteTheyPassThrough() {
        List<String> lines = List.of(
                "java/lang/Thread.run;a/Sites.large;byte[]_[i] 300",
                "java/lang/Thread.run;a/Sites.large_[j];byte[]_[k] 100",
                "java/lang/Thread.run;a/Sites.tiny;byte[] 50",
                "java/util/HashMap.resize;java.lang.Object[] 999",
                "not a line");
        assertThat(Shares.fromCollapsed(lines, SITES))
                .containsOnly(Map.entry("a.Sites.large", 400L), Map.entry("a.Sites.tiny", 50L));
    }

    @Test
    void snapshotSharesReadEachSitesTotalAndZeroWhenMissing() throws Exception {
        var snapshot = new ObjectMapper().readTree("{\"locations\":["
                + "{\"function\":\"a.Sites.large\",\"total\":700,\"own\":700},"
                + "{\"function\":\"java.lang.Thread.run\",\"total\":900,\"own\":0}]}");
        assertThat(Shares.fromSnapshot(snapshot, SITES))
                .containsEntry("a.Sites.large", 700L).containsEntry("a.Sites.tiny", 0L);
    }

    @Test
    void largestErrorIsInPercentagePointsOfEachSidesOwnSum() {
        Map<String, Long> truth = Map.of("a.Sites.large", 500L, "a.Sites.tiny", 500L);
        Map<String, Long> shown = Map.of("a.Sites.large", 1200L, "a.Sites.tiny", 800L);
        assertThat(Shares.largestError(shown, truth)).isCloseTo(10.0, within(1e-9));
        assertThat(Shares.largestError(truth, truth)).isZero();
    }
}
