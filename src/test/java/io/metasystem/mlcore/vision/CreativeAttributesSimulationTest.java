package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.simulation.CreativeEffects;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's creative features are the attributes vision stores: same keys, same order, same levels. */
class CreativeAttributesSimulationTest {
    @Test
    void simulatedFeaturesAreExactlyTheStoredAttributes() {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        double[] brightness = {0.1, 0.5, 0.9};
        double[] colourfulness = {10, 40, 80};
        for (String media : List.of("image", "video")) {
            for (double person : new double[] {0, 1}) {
                for (double b : brightness) {
                    for (double c : colourfulness) {
                        CreativeFeatures f = CreativeFeaturesTest.features(media, b, c, person > 0, person);
                        CreativeAttributes.of(List.of(f))
                                .forEach((k, v) -> seen.computeIfAbsent(k, x -> new HashSet<>())
                                        .add(v));
                    }
                }
            }
        }
        assertThat(seen.keySet()).containsExactlyElementsOf(CreativeEffects.FEATURES);
        seen.forEach((k, v) -> assertThat(v).as(k).containsExactlyInAnyOrderElementsOf(CreativeEffects.LEVELS.get(k)));
    }
}
