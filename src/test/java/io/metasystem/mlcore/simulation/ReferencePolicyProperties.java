package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties of the reference policies and the audit (QuickTheories: the shrunk counterexample printed on failure). */
class ReferencePolicyProperties {
    private static final ScenarioGenerator GENERATOR = new ScenarioGenerator();

    @Test
    void referencePoliciesNeverBreakAConstraint() {
        qt().withExamples(40)
                .forAll(longs().between(0, 1_000_000), integers().between(0, 500))
                .checkAssert(ReferencePolicyProperties::referencePoliciesNeverBreakAConstraint);
    }

    private static void referencePoliciesNeverBreakAConstraint(long seed, int index) {
        MarketScenario scenario = GENERATOR.generate(seed, index);
        Backtest bt = new Backtest(GENERATOR, Policies.references(), 21);
        for (PolicyRun run : bt.runScenario(scenario)) {
            assertThat(run.violations())
                    .as(run.policy() + " on " + scenario.label())
                    .isZero();
            assertThat(run.errors()).as(run.policy()).isZero();
            assertThat(run.share()).as(run.policy()).isBetween(0.0, 1.0 + 1e-9);
        }
    }

    @Test
    void clairvoyantNeverLosesToEqualSplit() {
        qt().withExamples(30)
                .forAll(longs().between(0, 1_000_000))
                .checkAssert(ReferencePolicyProperties::clairvoyantNeverLosesToEqualSplit);
    }

    private static void clairvoyantNeverLosesToEqualSplit(long seed) {
        // One scored day: both policies face the same market state, so the day's optimum cannot lose. Over several
        // days it can: the clairvoyant is greedy per day and its concentrated spend fatigues creatives faster.
        Backtest bt = new Backtest(GENERATOR, List.of(new EqualSplitPolicy(), new ClairvoyantPolicy()), 1);
        List<PolicyRun> runs = bt.runScenario(GENERATOR.generate(seed, 0));
        assertThat(runs.get(1).expectedConversions())
                .isGreaterThanOrEqualTo(runs.get(0).expectedConversions() * 0.999);
    }

    @Test
    void auditCatchesABudgetThatDoesNotAddUp() {
        qt().withExamples(200)
                .forAll(longs().between(0, 1_000_000))
                .checkAssert(ReferencePolicyProperties::auditCatchesABudgetThatDoesNotAddUp);
    }

    private static void auditCatchesABudgetThatDoesNotAddUp(long seed) {
        MarketScenario s = GENERATOR.generate(seed, 0);
        PolicyContext ctx = contextOnDayZero(s);
        double[] b = new EqualSplitPolicy().allocate(ctx);
        assertThat(Backtest.audit(ctx, b)).isZero();
        double[] centOff = b.clone();
        centOff[0] -= 0.01;
        if (centOff[0] >= s.constraints().minPerAdSet() && centOff[0] > 0.01) {
            // a total exactly one cent off is within the tolerance, whatever the floating-point error
            assertThat(Backtest.audit(ctx, centOff)).isZero();
        }
        b[0] += 1.0;
        assertThat(Backtest.audit(ctx, b)).isPositive();
    }

    private static PolicyContext contextOnDayZero(MarketScenario s) {
        List<AdSetView> views = new ArrayList<>();
        for (int i = 0; i < s.adSets().size(); i++) {
            AdSetTruth a = s.adSets().get(i);
            if (a.startDay() <= 0) {
                double b = s.initialBudgets().get(i);
                views.add(new AdSetView(a.id(), a.name(), AdSetStatus.ACTIVE, b > 0 ? b : null, List.of()));
            }
        }
        return new PolicyContext(s.seed(), 0, s.firstDay(), s.constraints(), views, null);
    }
}
