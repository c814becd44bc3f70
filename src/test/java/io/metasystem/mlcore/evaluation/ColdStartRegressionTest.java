package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.Validation;
import io.metasystem.mlcore.simulation.ColdStartScenarioGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI gate of the cold-start claim (docs/benchmarks.md, "Cold start: model priors vs none"): on fixed held-out accounts,
 * the hierarchical model's priors raise the optimizer's share of the optimum over the new ad sets' first 7 days, with
 * both paired 95 % intervals above 0, and cut the budget spent on bad new ad sets; priors from random attributes
 * (same weight) cost at most 3 points of share. The seed was fixed before any result was seen.
 *
 * <p>400 accounts because the effect is small: per account the first-7-day gain has a standard deviation of about
 * 0.03 against a mean of about 0.005, so 60 accounts (the first version of this test, on the same seed: mean +0.0049,
 * paired-t interval [−0.0027, +0.0124]) cannot show it. 14 days cover every launch window (launch on day 3–7).
 */
class ColdStartRegressionTest {
    static final long SEED = 20261201L;
    static final ColdStartBenchmark.Settings SETTINGS = new ColdStartBenchmark.Settings(400, 14, SEED, 120, 28);

    @Test
    void modelPriorsHelpNewAdSetsAndWrongOnesCostLittle() {
        ColdStartBenchmark benchmark = new ColdStartBenchmark(new ColdStartScenarioGenerator(), SETTINGS);
        HierarchicalPriors model =
                HierarchicalPriors.train(benchmark.trainingTable(), Validation.Settings.defaults(42), line -> {});
        ColdStartReport report = benchmark.run(List.of(model), k -> {});
        System.out.println(report.table());
        String priors = ColdStartBenchmark.withPriors(model);
        PairedDifference launch = report.launchGain(priors);
        assertThat(launch.mean()).as("first-7-day share gain").isPositive();
        assertThat(launch.tLow()).as("paired-t lower bound").isPositive();
        assertThat(launch.bootLow()).as("bootstrap lower bound").isPositive();
        assertThat(report.badBudgetChange(priors).mean())
                .as("budget on bad new ad sets")
                .isNegative();
        assertThat(report.shareGain(ColdStartBenchmark.wrongPriors(model)).mean())
                .as("harm of wrong priors")
                .isGreaterThan(-0.03);
        for (ColdStartReport.Summary s : report.summaries()) {
            assertThat(s.violations()).as(s.policy() + " violations").isZero();
            assertThat(s.errors()).as(s.policy() + " errors").isZero();
        }
    }
}
