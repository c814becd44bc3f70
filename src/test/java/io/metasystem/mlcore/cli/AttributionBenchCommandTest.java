package io.metasystem.mlcore.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionBenchCommandTest {
    @Test
    void runsOnASmallSimulationAndRefusesTooFewDays() {
        assertThat(MlCoreCli.handles(new String[] {"attributionbench"})).isTrue();
        assertThat(MlCoreCli.run(new String[] {"attributionbench", "--artists", "4", "--days", "60", "--seed", "3"}))
                .isZero();
        assertThat(MlCoreCli.run(new String[] {"attributionbench", "--days", "10"}))
                .isEqualTo(2);
    }
}
