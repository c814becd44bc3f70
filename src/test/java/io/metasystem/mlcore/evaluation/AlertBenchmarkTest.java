package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.alerts.detect.Sensitivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A small, fast run of the alert benchmark (docs/alerts.md has the full one) that guards the measured quality
 * against regressions: the floors sit just under what the full run measures.
 */
class AlertBenchmarkTest {

    @Test
    void detectorsKeepTheirMeasuredQualityOnASmallRun() {
        AlertBenchmark.Report report =
                AlertBenchmark.run(new AlertBenchmark.Settings(300, 75, 4242, 0.5, Sensitivity.MEDIUM));
        assertThat(report.injected()).isGreaterThan(100);
        assertThat(report.falseAlarmsPer60()).as(report.markdown()).isLessThanOrEqualTo(0.5);
        assertThat(report.precision()).as(report.markdown()).isGreaterThanOrEqualTo(0.85);
        assertThat(report.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.78);
        for (AlertBenchmark.KindRecall kind : report.kinds()) {
            switch (kind.kind()) {
                case DELIVERY_STOP, OVERSPEND, CPM_SHIFT ->
                    assertThat(kind.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.9);
                case CTR_DROP -> assertThat(kind.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.75);
                default -> assertThat(kind.recall()).as(report.markdown()).isGreaterThan(0.4);
            }
        }
    }

    @Test
    void theCollapseOracleFollowsThePoissonClosedForm() {
        // μ = 7: ½e^{−7} = 4.6e-4 > Φ(−3.5) = 2.3e-4, even 0 conversions cannot be flagged
        assertThat(AlertBenchmark.oracleCollapseDetection(7, 0.05, 3.5)).isZero();
        // μ = 10: only 0 is flagged (½e^{−10} = 2.3e-5; P(<1) + ½P(1) = 2.7e-4 is not), so P(Y = 0 | 0.5) = e^{−0.5}
        assertThat(AlertBenchmark.oracleCollapseDetection(10, 0.05, 3.5)).isCloseTo(Math.exp(-0.5), within(1e-12));
        assertThat(AlertBenchmark.oracleCollapseDetection(200, 0.05, 3.5)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theSameSettingsGiveTheSameFigures() {
        AlertBenchmark.Settings settings = new AlertBenchmark.Settings(40, 40, 9, 0.5, Sensitivity.MEDIUM);
        assertThat(AlertBenchmark.run(settings).markdown())
                .isEqualTo(AlertBenchmark.run(settings).markdown());
    }
}
