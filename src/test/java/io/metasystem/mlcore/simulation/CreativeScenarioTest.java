package io.metasystem.mlcore.simulation;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreativeScenarioTest {
    private final ColdStartScenarioGenerator off = new ColdStartScenarioGenerator();

    /** The features come from a stream of their own: with no effect the market is the original draw, exactly. */
    @Test
    void theNoEffectControlIsTheOriginalMarketWithFeaturesAttached() {
        ColdStartScenarioGenerator control = new ColdStartScenarioGenerator(CreativeEffects.NONE);
        for (int k = 0; k < 50; k++) {
            ColdStartScenario a = off.generate(3, k);
            ColdStartScenario b = control.generate(3, k);
            assertThat(b.scenario()).isEqualTo(a.scenario());
            for (var e : a.attributes().entrySet()) {
                SyntheticAdSetTraits withFeatures = b.attributes().get(e.getKey());
                assertThat(e.getValue().creativeFeatures()).isEmpty();
                assertThat(withFeatures.withoutCreativeFeatures()).isEqualTo(e.getValue());
                assertThat(withFeatures.creativeFeatures().keySet())
                        .containsExactlyElementsOf(CreativeEffects.FEATURES);
                assertThat(withFeatures.names()).hasSize(8);
                assertThat(withFeatures.creativeFeatures().get(CreativeEffects.MEDIA))
                        .isEqualTo(e.getValue().creative().equals("video") ? "video" : "image");
            }
        }
        assertThat(control.generate(3, 7)).isEqualTo(control.generate(3, 7));
    }

    /** Mean log CTR by opening-person level recovers the planted effect (0.20; standard error about 0.02). */
    @Test
    void plantedEffectsMoveTheTrueRates() {
        ColdStartScenarioGenerator planted = new ColdStartScenarioGenerator(CreativeEffects.PLANTED);
        Map<String, double[]> ctr = new HashMap<>();
        Map<String, double[]> cvr = new HashMap<>();
        int n = 0;
        int opening = 0;
        for (int k = 0; k < 400; k++) {
            ColdStartScenario cold = planted.generate(5, k);
            for (AdSetTruth a : cold.scenario().adSets()) {
                String level = cold.attributes().get(a.id()).creativeFeatures().get(CreativeEffects.PERSON_OPENING);
                double[] c = ctr.computeIfAbsent(level, x -> new double[2]);
                c[0] += Math.log(a.ctr0());
                c[1]++;
                double[] v = cvr.computeIfAbsent(level, x -> new double[2]);
                v[0] += Math.log(a.cvr());
                v[1]++;
                n++;
                opening += level.equals("yes") ? 1 : 0;
            }
        }
        double ctrGap = ctr.get("yes")[0] / ctr.get("yes")[1] - ctr.get("no")[0] / ctr.get("no")[1];
        double cvrGap = cvr.get("yes")[0] / cvr.get("yes")[1] - cvr.get("no")[0] / cvr.get("no")[1];
        assertThat(ctrGap).isBetween(0.12, 0.28);
        assertThat(cvrGap).isBetween(0.06, 0.24);
        assertThat((double) opening / n).isBetween(0.35, 0.45);
    }

    @Test
    void effectsAndTraitsRefuseUnknownFeaturesAndLevels() {
        assertThatThrownBy(() -> new CreativeEffects(Map.of("creative_sound", Map.of("yes", new double[3]))))
                .hasMessageContaining("creative_sound");
        assertThatThrownBy(
                        () -> new CreativeEffects(Map.of(CreativeEffects.BRIGHTNESS, Map.of("glowing", new double[3]))))
                .hasMessageContaining("glowing");
        assertThatThrownBy(() ->
                        new SyntheticAdSetTraits("broad", "feed", "video", Map.of(CreativeEffects.PERSON, "maybe")))
                .hasMessageContaining("creative_person");
        assertThatThrownBy(() -> new SyntheticAdSetTraits("broad", "feed", "video", Map.of("colour", "red")))
                .hasMessageContaining("colour");
        assertThat(CreativeEffects.PLANTED
                        .scaled(2)
                        .logConversionsPerSpend(Map.of(CreativeEffects.PERSON_OPENING, "yes")))
                .isEqualTo(2 * (0.20 + 0.15));
    }
}
