package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Invalid settings fail naming the setting and the rule it breaks, as data. */
class OptimizerSettingsTest {

    @Test
    void aThetaRangeOutsideTheUnitIntervalNamesTheBound() {
        InvalidProblemException e = catchThrowableOfType(
                InvalidProblemException.class, () -> OptimizerSettings.DEFAULT.withThetaRange(0.3, 1.0));
        assertThat(e.field()).isEqualTo("thetaMax");
        assertThat(e.reason()).isEqualTo("must be < 1, was 1.0");
        assertThat(e).hasMessage("thetaMax: must be < 1, was 1.0");
    }

    @Test
    void anExplorationCapAboveOneNamesTheCap() {
        InvalidProblemException e = catchThrowableOfType(
                InvalidProblemException.class, () -> OptimizerSettings.DEFAULT.withExploration(0.5, 1.5));
        assertThat(e.field()).isEqualTo("explorationCap");
        assertThat(e.reason()).startsWith("must be in [0, 1]");
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(OptimizerSettings.DEFAULT.withStarvedShare(0.1).starvedShare())
                .isEqualTo(0.1);
    }
}
