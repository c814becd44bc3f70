package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily-row and count checks name each field by its JSON path, with the problem's message. */
class FieldChecksTest {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    @Test
    void dailyRowProblemsNameTheRowAndField() {
        FieldChecks checks = new FieldChecks();
        checks.daily(
                "adsets[3].daily",
                Arrays.asList(
                        new OptimizeRequest.Daily(DAY, 10.0, 100.0, 10.0, 1.0, 5.0),
                        null,
                        new OptimizeRequest.Daily(DAY, -1.0, 10.0, 20.0, null, Double.NaN),
                        new OptimizeRequest.Daily(null, 1e-9, 5e12, 4.0, 5.0, 2e9),
                        new OptimizeRequest.Daily(DAY.minusDays(1), 1.0, 100.0, 10.0, 1.0, null)));
        assertThat(checks.problems())
                .containsExactly(
                        new FieldProblem("adsets[3].daily[1]", "must be an object"),
                        new FieldProblem("adsets[3].daily[2].date", "duplicate date 2026-10-01"),
                        new FieldProblem("adsets[3].daily[2].spend", "must be >= 0, was -1.0"),
                        new FieldProblem("adsets[3].daily[2].conversions", "is required"),
                        new FieldProblem("adsets[3].daily[2].revenue", "must be a finite number, was NaN"),
                        new FieldProblem("adsets[3].daily[2].clicks", "clicks (20.0) cannot exceed impressions (10.0)"),
                        new FieldProblem("adsets[3].daily[3].date", "is required"),
                        new FieldProblem(
                                "adsets[3].daily[3].spend",
                                "must be 0 or at least 1.0E-6 (docs/api.md, limits), was 1.0E-9"),
                        new FieldProblem(
                                "adsets[3].daily[3].impressions",
                                "must be at most 1e12 (docs/api.md, limits), was 5.0E12"),
                        new FieldProblem(
                                "adsets[3].daily[3].revenue", "must be at most 1e9 (docs/api.md, limits), was 2.0E9"),
                        new FieldProblem(
                                "adsets[3].daily[3].conversions", "conversions (5.0) cannot exceed clicks (4.0)"),
                        new FieldProblem(
                                "adsets[3].daily[4].date",
                                "dates must be in increasing order, 2026-09-30 follows 2026-10-01"));
    }

    @Test
    void windowTotalsAreNamedWithoutAnIndex() {
        FieldChecks checks = new FieldChecks();
        checks.counts("adsets[0].metrics", null, 10.0, 5.0, 6.0, null, FieldChecks.MAX_MONEY_TOTAL);
        assertThat(checks.problems())
                .containsExactly(
                        new FieldProblem("adsets[0].metrics.spend", "is required"),
                        new FieldProblem(
                                "adsets[0].metrics.conversions", "conversions (6.0) cannot exceed clicks (5.0)"));
        assertThat(checks.nonNegative("risk_aversion", -2.0, false, 1)).isFalse();
        assertThat(checks.positive("budget.total", 0.0, true, 1)).isFalse();
        assertThat(checks.problems().subList(2, 4))
                .isEqualTo(List.of(
                        new FieldProblem("risk_aversion", "must be >= 0, was -2.0"),
                        new FieldProblem("budget.total", "must be > 0, was 0.0")));
    }
}
