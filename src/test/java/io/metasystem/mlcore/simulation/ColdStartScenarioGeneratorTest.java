package io.metasystem.mlcore.simulation;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartScenarioGeneratorTest {
    private final ColdStartScenarioGenerator generator = new ColdStartScenarioGenerator();

    @Test
    void isAPureFunctionOfSeedAndIndex() {
        ColdStartScenario a = generator.generate(7, 3);
        ColdStartScenario b = generator.generate(7, 3);
        assertThat(a).isEqualTo(b);
        assertThat(generator.generate(8, 3).scenario().adSets())
                .isNotEqualTo(a.scenario().adSets());
        assertThat(generator.generate(7, 4).scenario().adSets())
                .isNotEqualTo(a.scenario().adSets());
    }

    @Test
    void usesAnotherStreamThanTheBacktestScenarios() {
        MarketScenario backtest = new ScenarioGenerator().generate(7, 3);
        assertThat(generator.generate(7, 3).scenario().seed()).isNotEqualTo(backtest.seed());
    }

    @Test
    void newAdSetsLaunchTogetherMidFlightNextToEstablishedOnes() {
        for (int k = 0; k < 200; k++) {
            ColdStartScenario cold = generator.generate(11, k);
            MarketScenario s = cold.scenario();
            assertThat(cold.launchDay()).isBetween(3, 7);
            assertThat(cold.newAdSets()).hasSizeBetween(2, 4);
            assertThat(s.adSets().size() - cold.newAdSets().size()).isBetween(3, 7);
            double warmup = 0;
            for (int i = 0; i < s.adSets().size(); i++) {
                AdSetTruth a = s.adSets().get(i);
                boolean fresh = cold.newAdSets().contains(a.id());
                assertThat(a.startDay()).isEqualTo(fresh ? cold.launchDay() : -s.warmupDays());
                assertThat(a.pauseDay()).isEqualTo(Integer.MAX_VALUE);
                assertThat(s.initialBudgets().get(i))
                        .isEqualTo(fresh ? 0.0 : s.initialBudgets().get(i));
                warmup += s.initialBudgets().get(i);
            }
            assertThat(warmup).isCloseTo(s.constraints().total(), Assertions.within(0.005));
            assertThat(cold.newIndices()).hasSize(cold.newAdSets().size());
        }
    }

    /** Mean log rate by attribute level over many ad sets recovers the effect table (the residuals average out). */
    @Test
    void attributesMoveTheTrueRatesByTheirEffects() {
        Map<String, double[]> byAudience = new HashMap<>();
        Map<String, double[]> byCreative = new HashMap<>();
        for (int k = 0; k < 400; k++) {
            ColdStartScenario cold = generator.generate(5, k);
            for (AdSetTruth a : cold.scenario().adSets()) {
                SyntheticAdSetTraits attr = cold.attributes().get(a.id());
                double logCvr = Math.log(a.cvr());
                byAudience.computeIfAbsent(attr.audience(), x -> new double[2])[0] += logCvr;
                byAudience.get(attr.audience())[1]++;
                byCreative.computeIfAbsent(attr.creative(), x -> new double[2])[0] += Math.log(a.ctr0());
                byCreative.get(attr.creative())[1]++;
            }
        }
        double retargeting = byAudience.get("retargeting")[0] / byAudience.get("retargeting")[1];
        double broad = byAudience.get("broad")[0] / byAudience.get("broad")[1];
        double video = byCreative.get("video")[0] / byCreative.get("video")[1];
        double image = byCreative.get("image")[0] / byCreative.get("image")[1];
        // effects 0.75 − (−0.50) = 1.25 on log CVR and 0.25 − (−0.20) = 0.45 on log CTR; standard errors ≈ 0.03
        assertThat(retargeting - broad).isBetween(1.10, 1.40);
        assertThat(video - image).isBetween(0.33, 0.57);
        assertThat(byAudience).containsOnlyKeys(AttributeEffects.AUDIENCES);
    }

    @Test
    void withoutEffectsTheAttributesSayNothing() {
        Map<String, double[]> zero = new HashMap<>();
        AttributeEffects.AUDIENCES.forEach(l -> zero.put(l, new double[3]));
        Map<String, double[]> zeroPlacement = new HashMap<>();
        AttributeEffects.PLACEMENTS.forEach(l -> zeroPlacement.put(l, new double[3]));
        Map<String, double[]> zeroCreative = new HashMap<>();
        AttributeEffects.CREATIVES.forEach(l -> zeroCreative.put(l, new double[3]));
        ColdStartScenarioGenerator flat = new ColdStartScenarioGenerator(
                MarketParameters.DEFAULT, new AttributeEffects(zero, zeroPlacement, zeroCreative));
        double[] sum = new double[2];
        double[] count = new double[2];
        for (int k = 0; k < 400; k++) {
            ColdStartScenario cold = flat.generate(5, k);
            for (AdSetTruth a : cold.scenario().adSets()) {
                int j = cold.attributes().get(a.id()).audience().equals("retargeting") ? 0 : 1;
                sum[j] += Math.log(a.cvr());
                count[j]++;
            }
        }
        assertThat(sum[0] / count[0] - sum[1] / count[1]).isBetween(-0.1, 0.1);
    }

    @Test
    void effectTableNeedsEveryLevel() {
        assertThatThrownBy(() -> new AttributeEffects(
                        Map.of("broad", new double[3]),
                        AttributeEffects.DEFAULT.placement(),
                        AttributeEffects.DEFAULT.creative()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interest");
        assertThatThrownBy(() -> new SyntheticAdSetTraits("tiktok", "feed", "video"))
                .hasMessageContaining("audience");
        SyntheticAdSetTraits a = new SyntheticAdSetTraits("retargeting", "reels", "video");
        assertThat(AttributeEffects.DEFAULT.logConversionsPerSpend(a))
                .isCloseTo(0.80 - 0.05 + 0.15, Assertions.within(1e-12));
        assertThat(a.asMap().keySet()).containsExactlyElementsOf(SyntheticAdSetTraits.NAMES);
        assertThat(a.values()).isEqualTo(List.of("retargeting", "reels", "video"));
    }

    @Test
    void pastCampaignsAreDeterministicTotalsOfEveryAdSet() {
        PastCampaigns past = new PastCampaigns(generator);
        List<AdSetOutcome> a = past.outcomes(99, 12, 14);
        assertThat(a).isEqualTo(past.outcomes(99, 12, 14));
        int adSets = 0;
        for (int k = 0; k < 12; k++) {
            ColdStartScenario cold = generator.generate(99, k);
            adSets += cold.scenario().adSets().size();
        }
        assertThat(a).hasSize(adSets);
        for (AdSetOutcome o : a) {
            assertThat(o.spend()).isPositive();
            assertThat(o.conversions()).isLessThanOrEqualTo(o.clicks());
            assertThat(o.days()).isBetween(14 - 7, 14 + 3);
        }
    }
}
