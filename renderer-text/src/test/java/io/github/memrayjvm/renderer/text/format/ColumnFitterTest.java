package io.github.memrayjvm.renderer.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.renderer.text.format.ColumnFitter.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnFitterTest {

    private static final Spec NAME = new Spec(10, 30, 0, true);
    private static final Spec SIZE = Spec.fixed(10, 2);
    private static final Spec PERCENT = Spec.fixed(7, 5);
    private static final Spec FILE = new Spec(8, 20, 7, true);

    @Test
    void everythingFitsAndTheRestGoesToTheLastFillColumn() {
        int[] widths = ColumnFitter.fit(List.of(NAME, SIZE, PERCENT, FILE), 100, 1);
        assertThat(widths).containsExactly(30, 10, 7, 50);
        assertThat(sum(widths) + 3).isEqualTo(100);
    }

    @Test
    void columnsAreDroppedHighestRankFirst() {
        assertThat(ColumnFitter.fit(List.of(NAME, SIZE, PERCENT, FILE), 37, 1))
                .as("file dropped, name grows").containsExactly(18, 10, 7, 0);
        assertThat(ColumnFitter.fit(List.of(NAME, SIZE, PERCENT, FILE), 25, 1))
                .as("file and percent dropped").containsExactly(14, 10, 0, 0);
    }

    @Test
    void roomIsSharedEvenlyAndAColumnThatWantsLittleGetsAllOfIt() {
        Spec a = new Spec(10, 30, 0, false);
        Spec b = new Spec(10, 14, 0, false);
        assertThat(ColumnFitter.fit(List.of(a, b), 36, 0)).containsExactly(22, 14);
        Spec c = new Spec(10, 40, 0, false);
        assertThat(ColumnFitter.fit(List.of(a, c), 36, 0)).containsExactly(18, 18);
    }

    @Test
    void columnsThatAreNeverDroppedMakeTheFillColumnShrink() {
        assertThat(ColumnFitter.fit(List.of(NAME, Spec.fixed(10, 0)), 15, 1)).containsExactly(4, 10);
        assertThat(ColumnFitter.fit(List.of(NAME, Spec.fixed(10, 0)), 5, 1)).containsExactly(1, 10);
    }

    private static int sum(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return total;
    }
}
