package io.metasystem.mlcore.simulation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdMarketTest {
    private final ScenarioGenerator generator = new ScenarioGenerator();

    @Test
    void sameSeedAndIndexGiveTheSameScenarioAndDraws() {
        MarketScenario a = generator.generate(42, 3);
        MarketScenario b = generator.generate(42, 3);
        assertThat(a).isEqualTo(b);
        assertThat(generator.generate(43, 3)).isNotEqualTo(a);
        assertThat(generator.generate(42, 4)).isNotEqualTo(a);
        DayOutcome x = new AdMarket(a).draw(0, 5, 100, 1e4);
        DayOutcome y = new AdMarket(b).draw(0, 5, 100, 1e4);
        assertThat(x).isEqualTo(y);
    }

    @Test
    void backtestIsDeterministicWhateverTheThreads() {
        Backtest bt = new Backtest(generator, Policies.references(), 10);
        BacktestReport one = bt.run(7, 4, k -> {});
        BacktestReport two = bt.run(7, 4, k -> {});
        assertThat(one.csv()).isEqualTo(two.csv());
    }

    @Test
    void scenariosAreVariedAndWithinDocumentedRanges() {
        for (int k = 0; k < 200; k++) {
            MarketScenario s = generator.generate(1, k);
            assertThat(s.adSets()).hasSizeBetween(4, 12);
            assertThat(s.constraints().total()).isBetween(49.99, 5000.01);
            assertThat(s.initialBudgets().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(s.constraints().total(), within(0.011));
            double maxSum = 0;
            for (AdSetTruth a : s.adSets()) {
                if (a.liveOn(0)) {
                    maxSum += s.constraints().max();
                }
            }
            assertThat(maxSum).isGreaterThanOrEqualTo(s.constraints().total());
            assertThat(s.constraints().minPerAdSet() * s.adSets().size())
                    .isLessThanOrEqualTo(s.constraints().total());
        }
    }

    @Test
    void expectedConversionsAreIncreasingAndConcaveInSpend() {
        for (int k = 0; k < 20; k++) {
            MarketScenario s = generator.generate(5, k);
            AdMarket m = new AdMarket(s);
            for (int i = 0; i < s.adSets().size(); i++) {
                ResponseCurve c = m.curve(i, 0, 0);
                double total = s.constraints().total();
                double prev = 0;
                double prevGain = Double.POSITIVE_INFINITY;
                for (int step = 1; step <= 50; step++) {
                    double v = c.conversions(step * total / 25);
                    double gain = v - prev;
                    assertThat(gain).isPositive();
                    assertThat(gain).isLessThan(prevGain);
                    prev = v;
                    prevGain = gain;
                }
            }
        }
    }

    @Test
    void slopeIsTheDerivativeOfTheCurve() {
        ResponseCurve c = new ResponseCurve(0.05, 0.95, 120, 0.4, 10);
        for (double b : new double[] {1, 10, 100, 1000}) {
            double h = 1e-4 * b;
            double numeric = (c.conversions(b + h) - c.conversions(b - h)) / (2 * h);
            assertThat(c.slope(b)).isCloseTo(numeric, within(1e-6 * Math.abs(numeric) + 1e-12));
        }
    }

    @Test
    void fatigueLowersClickThroughRate() {
        MarketScenario s = generator.generate(9, 0);
        AdMarket m = new AdMarket(s);
        AdSetTruth a = s.adSets().get(0);
        assertThat(m.curve(0, 0, a.fatigueImpressions()).k())
                .isLessThan(m.curve(0, 0, 0).k());
        assertThat(a.fatigue(0)).isEqualTo(1.0);
        assertThat(a.fatigue(10 * a.fatigueImpressions())).isCloseTo(a.fatigueFloor(), within(1e-3));
        // and in the draws: clicks per impression over many days
        double freshClicks = 0;
        double freshImpr = 0;
        double tiredClicks = 0;
        double tiredImpr = 0;
        for (int day = 0; day < 200; day++) {
            DayOutcome f = m.draw(0, day, 200, 0);
            DayOutcome t = m.draw(0, day, 200, 5 * a.fatigueImpressions());
            freshClicks += f.clicks();
            freshImpr += f.impressions();
            tiredClicks += t.clicks();
            tiredImpr += t.impressions();
        }
        assertThat(tiredClicks / tiredImpr).isLessThan(0.97 * freshClicks / freshImpr);
    }

    @Test
    void drawsMatchTheExpectedCurveOnAverage() {
        MarketScenario s = generator.generate(11, 2);
        AdMarket m = new AdMarket(s);
        double budget = s.constraints().total() / s.adSets().size();
        double drawn = 0;
        double expected = 0;
        for (int day = 0; day < 400; day++) {
            drawn += m.draw(1, day, budget, 0).conversions();
            expected += m.curve(1, day, 0).conversions(budget);
        }
        assertThat(drawn / expected).isBetween(0.9, 1.1);
    }

    @Test
    void clairvoyantBeatsEqualSplit() {
        Backtest bt = new Backtest(generator, List.of(new EqualSplitPolicy(), new ClairvoyantPolicy()), 14);
        for (int k = 0; k < 5; k++) {
            List<PolicyRun> runs = bt.runScenario(generator.generate(3, k));
            assertThat(runs.get(1).share()).isGreaterThanOrEqualTo(runs.get(0).share());
            assertThat(runs.get(1).share()).isGreaterThan(0.85).isLessThanOrEqualTo(1.0 + 1e-9);
        }
    }
}
