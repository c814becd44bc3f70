package io.metasystem.mlcore.simulation;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our optimizer against the reference policies on fixed seeds. Skipped (not failed) only while
 * {@code BudgetOptimizer.optimize} still throws {@link UnsupportedOperationException}.
 *
 * <p>24 scenarios rather than 6: per scenario, optimizer − Thompson share has a standard deviation of about 0.056
 * (seed 1, 50 scenarios), so with 6 scenarios the standard error (0.023) equals the whole margin and the gate
 * would flip on noise. The seed was fixed before any result was seen; do not hunt for a friendlier one.
 */
class BacktestRegressionTest {
    static final long SEED = 20260105L;
    static final int SCENARIOS = 24;
    static final int DAYS = 28;

    @Test
    void optimizerBeatsEveryReferencePolicyButTheClairvoyantAndBreaksNoConstraint() {
        Assumptions.assumeTrue(Policies.optimizerAvailable(), "BudgetOptimizer not implemented on this branch yet");
        BacktestReport report =
                new Backtest(new ScenarioGenerator(), Policies.all(), DAYS).run(SEED, SCENARIOS, k -> {});
        Map<String, BacktestReport.PolicySummary> s = report.summaries().stream()
                .collect(Collectors.toMap(BacktestReport.PolicySummary::policy, Function.identity()));
        BacktestReport.PolicySummary ours = s.get("optimizer");
        System.out.println(report.table());
        assertThat(ours.violations()).as("constraint violations").isZero();
        assertThat(ours.errors()).as("days the optimizer threw").isZero();
        for (String reference : new String[] {"equal-split", "proportional", "meta-rules", "thompson-shares"}) {
            assertThat(ours.meanShare())
                    .as("optimizer vs " + reference)
                    .isGreaterThan(s.get(reference).meanShare());
        }
    }
}
