package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.alerts.detect.Sensitivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(report.precision()).as(report.markdown()).isGreaterThanOrEqualTo(0.8);
        assertThat(report.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.7);
        for (AlertBenchmark.KindRecall kind : report.kinds()) {
            switch (kind.kind()) {
                case DELIVERY_STOP, OVERSPEND, CPM_SHIFT ->
                    assertThat(kind.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.9);
                case CTR_DROP -> assertThat(kind.recall()).as(report.markdown()).isGreaterThanOrEqualTo(0.75);
                default -> assertThat(kind.recall()).as(report.markdown()).isGreaterThan(0.2);
            }
        }
    }

    @Test
    void theSameSettingsGiveTheSameFigures() {
        AlertBenchmark.Settings settings = new AlertBenchmark.Settings(40, 40, 9, 0.5, Sensitivity.MEDIUM);
        assertThat(AlertBenchmark.run(settings).markdown())
                .isEqualTo(AlertBenchmark.run(settings).markdown());
    }
}
