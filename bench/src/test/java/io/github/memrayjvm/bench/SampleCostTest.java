package io.github.memrayjvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCostTest {

    @Test
    void readsTheFloorAgentsLineAmongTheProgramsOwnOutput() {
        SampleCost.Cost cost = SampleCost.Cost.parse(List.of(
                "a line of the program's",
                "sampling-floor: mode=4 samples=31442 mean-ns=240 mean-frames=7.6 walked=5"))
                .orElseThrow();
        assertThat(cost).isEqualTo(new SampleCost.Cost(31442, 240, 7.6, 5));
    }

    @Test
    void aProgramWithoutTheLineHasNoCost() {
        assertThat(SampleCost.Cost.parse(List.of("Error occurred during initialization of VM")))
                .isEmpty();
    }
}
