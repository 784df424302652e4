package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    static final List<Row> ROWS = List.of(
            new Row(1, "overhead", "memray jvmti", "1.02 (1.00-1.04)", "<= 1.05"),
            new Row(4, "start-up, ms", "untracked", "120 (110-130)", ""));

    @Test
    void textAlignsColumns() {
        List<String> lines = Table.text(ROWS).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).indexOf("memray jvmti")).isEqualTo(lines.get(2).indexOf("untracked"));
    }

    @Test
    void markdownHasAHeaderAndOneLinePerRow() {
        assertThat(Table.markdown(ROWS)).startsWith("| # | measure | mode |")
                .contains("| 1 | overhead | memray jvmti | 1.02 (1.00-1.04) | <= 1.05 |");
    }
}
