package io.metasystem.mlcore.simulation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The backtest scenarios and the optimizer's run on them must not move when the simulation grows (e.g. the
 * cold-start generator, priors in {@link OptimizerPolicy}). Values recorded on commit 2d2c004, before either existed.
 */
class ScenarioGeneratorGoldenTest {
    private static final long SEED = 20260105L;

    private record Golden(
            int index, String label, double total, double targetCpa, double sumCvr, double sumSaturation) {}

    private static final List<Golden> GOLDEN = List.of(
            new Golden(0, "medium/loose/8 ad sets", 1024.09, 15.75, 0.42448859173561965, 1047.6704458597114),
            new Golden(4, "medium/tight/10 ad sets/cap 30%", 760.72, 20.88, 0.51119410799385500, 2678.6139822439886),
            new Golden(8, "large/loose/8 ad sets", 2663.08, 8.98, 0.62079356026645940, 3641.8658766468260),
            new Golden(12, "small/tight/12 ad sets", 62.51, 30.96, 0.36524978477995024, 91.490480110977370),
            new Golden(16, "small/loose/7 ad sets", 278.94, 20.83, 0.37982012745451316, 440.98499114994087),
            new Golden(20, "small/tight/10 ad sets", 123.13, 18.39, 0.62210775522374460, 305.44129780013293));

    @Test
    void backtestScenariosAreUnchanged() {
        ScenarioGenerator generator = new ScenarioGenerator();
        for (Golden g : GOLDEN) {
            MarketScenario s = generator.generate(SEED, g.index());
            assertThat(s.label()).isEqualTo(g.label());
            assertThat(s.constraints().total()).isEqualTo(g.total());
            assertThat(s.constraints().targetCpa()).isEqualTo(g.targetCpa());
            assertThat(s.adSets().stream().mapToDouble(AdSetTruth::cvr).sum()).isCloseTo(g.sumCvr(), within(1e-12));
            assertThat(s.adSets().stream()
                            .mapToDouble(AdSetTruth::saturationSpend)
                            .sum())
                    .isCloseTo(g.sumSaturation(), within(1e-9));
        }
    }

    @Test
    void optimizerWithoutPriorsScoresAsBefore() {
        ScenarioGenerator generator = new ScenarioGenerator();
        Backtest backtest = new Backtest(generator, List.of(), 28);
        assertThat(backtest.run(new OptimizerPolicy(), generator.generate(SEED, 0))
                        .share())
                .isCloseTo(0.9554238118937198, within(1e-12));
        assertThat(backtest.run(new OptimizerPolicy("optimizer", PriorLookup.NONE), generator.generate(SEED, 5))
                        .share())
                .isCloseTo(0.9809361530227539, within(1e-12));
    }
}
