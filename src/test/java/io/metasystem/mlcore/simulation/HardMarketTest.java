package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.Objective;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HardMarketTest {
    private final ScenarioGenerator plain = new ScenarioGenerator();
    private final ScenarioGenerator hard = ScenarioGenerator.of(MarketFamily.HARD);

    @Test
    void theHardMarketKeepsEveryDefaultDrawAndOnlyAddsEvents() {
        for (int k = 0; k < 50; k++) {
            MarketScenario a = plain.generate(3, k);
            MarketScenario b = hard.generate(3, k);
            assertThat(b.adSets()).isEqualTo(a.adSets());
            assertThat(b.constraints()).isEqualTo(a.constraints());
            assertThat(b.initialBudgets()).isEqualTo(a.initialBudgets());
            assertThat(a.shocks()).isEqualTo(MarketShocks.NONE);
            assertThat(b.shocks().adSets()).hasSameSizeAs(b.adSets());
            assertThat(b.label()).isEqualTo(a.label() + "/hard");
        }
    }

    @Test
    void theDefaultMarketIsUnchangedByTheShockHooks() {
        MarketScenario s = plain.generate(9, 2);
        AdMarket m = new AdMarket(s);
        for (int i = 0; i < s.adSets().size(); i++) {
            assertThat(m.exposure(i, 1234.0)).isEqualTo(1234.0);
            for (int day = -3; day < 28; day++) {
                assertThat(s.shockCpm(i, day)).isEqualTo(1.0);
                assertThat(s.shockCtr(i, day)).isEqualTo(1.0);
                assertThat(m.freshCreative(i, day)).isFalse();
            }
        }
    }

    @Test
    void eventsHitTheTrueCurveAtTheirDay() {
        int jumps = 0;
        int deaths = 0;
        int replacements = 0;
        for (int k = 0; k < 100; k++) {
            MarketScenario s = hard.generate(11, k);
            AdMarket m = new AdMarket(s);
            int jumpDay = s.shocks().cpmJumpDay();
            for (int i = 0; i < s.adSets().size(); i++) {
                AdSetShocks e = s.shocks().of(i);
                if (jumpDay < 28 && e.cpmJumpFactor() > 1) {
                    jumps++;
                    assertThat(s.shockCpm(i, jumpDay) / s.shockCpm(i, jumpDay - 7))
                            .isCloseTo(e.cpmJumpFactor(), within(1e-9));
                }
                if (e.deathDay() < 28) {
                    deaths++;
                    assertThat(e.deathCtrFactor()).isBetween(0.15, 0.35);
                    assertThat(s.shockCtr(i, e.deathDay())).isEqualTo(e.deathCtrFactor());
                    assertThat(s.shockCtr(i, e.deathDay() - 1)).isEqualTo(1.0);
                }
                if (e.replaceDay() < 40) {
                    replacements++;
                    assertThat(m.freshCreative(i, e.replaceDay())).isTrue();
                    assertThat(s.shockCtr(i, e.replaceDay())).isEqualTo(e.replaceCtrFactor());
                }
                for (int day = 0; day < 28; day++) {
                    // the true curve carries both multipliers: k ∝ CTR / CPM
                    double base = m.curve(i, day, 0).k() * s.shockCpm(i, day) / s.shockCtr(i, day);
                    assertThat(base)
                            .isCloseTo(
                                    new AdMarket(plain.generate(11, k))
                                            .curve(i, day, 0)
                                            .k(),
                                    within(1e-9 * base));
                }
                // frequency: more impressions in one day fatigue more than proportionally
                assertThat(m.exposure(i, 2 * e.frequencyImpressions())).isGreaterThan(2 * e.frequencyImpressions());
                assertThat(m.exposure(i, e.frequencyImpressions())).isCloseTo(e.frequencyImpressions(), within(1e-6));
                assertThat(m.exposure(i, e.frequencyImpressions() / 4)).isLessThan(e.frequencyImpressions() / 4);
            }
        }
        assertThat(jumps).isGreaterThan(50);
        assertThat(deaths).isGreaterThan(30);
        assertThat(replacements).isGreaterThan(40);
    }

    @Test
    void aChangeCapImposedOnEveryScenarioKeepsTheOtherDraws() {
        ScenarioGenerator capped = hard.withChangeCap(0.2);
        ScenarioGenerator uncapped = hard.withChangeCap(Double.NaN);
        for (int k = 0; k < 30; k++) {
            MarketScenario s = hard.generate(5, k);
            assertThat(capped.generate(5, k).constraints().maxChangeRatio()).isEqualTo(0.2);
            assertThat(capped.generate(5, k).label()).contains("/cap 20%");
            assertThat(uncapped.generate(5, k).constraints().maxChangeRatio()).isNull();
            assertThat(uncapped.generate(5, k).label()).doesNotContain("/cap ");
            assertThat(capped.generate(5, k).adSets()).isEqualTo(s.adSets());
        }
    }

    @Test
    void onTheHardMarketTheClairvoyantStillLeadsAndTheReferencesBreakNoCap() {
        BacktestReport report = new Backtest(hard.withChangeCap(0.2), Policies.references(), 14).run(21, 6, k -> {});
        Map<String, BacktestReport.PolicySummary> s = report.summaries().stream()
                .collect(Collectors.toMap(BacktestReport.PolicySummary::policy, Function.identity()));
        for (String p : new String[] {"equal-split", "proportional", "meta-rules", "thompson-shares"}) {
            assertThat(s.get(p).violations()).as(p).isZero();
            assertThat(s.get(p).meanShare())
                    .as(p)
                    .isLessThan(s.get("clairvoyant").meanShare());
        }
    }

    @Test
    void theRevenueBacktestScoresRevenueAgainstTheRevenueOptimum() {
        MarketScenario s = plain.generate(4, 1);
        PolicyRun conv = new Backtest(plain, Policies.references(), 7).run(new ClairvoyantPolicy(), s);
        PolicyRun rev =
                new Backtest(plain, Policies.references(), 7, Objective.REVENUE).run(new ClairvoyantPolicy(), s);
        double minAov =
                s.adSets().stream().mapToDouble(AdSetTruth::orderValue).min().orElseThrow();
        double maxAov =
                s.adSets().stream().mapToDouble(AdSetTruth::orderValue).max().orElseThrow();
        // revenue = Σ conversions × order value, so it lies between the extreme order values × conversions
        assertThat(rev.optimumConversions())
                .isBetween(0.99 * minAov * conv.optimumConversions(), 1.01 * maxAov * conv.optimumConversions());
        assertThat(rev.share()).isBetween(0.0, 1.0 + 1e-9);
    }
}
