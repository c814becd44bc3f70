package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferencePolicyProperties {
    private static final ScenarioGenerator GENERATOR = new ScenarioGenerator();

    @Property(tries = 40)
    void referencePoliciesNeverBreakAConstraint(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 500) int index) {
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

    @Property(tries = 30)
    void clairvoyantNeverLosesToEqualSplit(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        // One scored day: both policies face the same market state, so the day's optimum cannot lose. Over several
        // days it can: the clairvoyant is greedy per day and its concentrated spend fatigues creatives faster.
        Backtest bt = new Backtest(GENERATOR, List.of(new EqualSplitPolicy(), new ClairvoyantPolicy()), 1);
        List<PolicyRun> runs = bt.runScenario(GENERATOR.generate(seed, 0));
        assertThat(runs.get(1).expectedConversions())
                .isGreaterThanOrEqualTo(runs.get(0).expectedConversions() * 0.999);
    }

    @Property(tries = 200)
    void auditCatchesABudgetThatDoesNotAddUp(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        MarketScenario s = GENERATOR.generate(seed, 0);
        PolicyContext ctx = contextOnDayZero(s);
        double[] b = new EqualSplitPolicy().allocate(ctx);
        assertThat(Backtest.audit(ctx, b)).isZero();
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
