package io.metasystem.mlcore.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.metasystem.mlcore.optimizer.Prior;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** A model saved by format version 1 (src/test/resources/ml/golden, written by GoldenModelWriter) still loads. */
class GoldenModelTest {
    private static final Path DIR = Path.of("src/test/resources/ml/golden");

    @Test
    void savedModelLoadsAndPredictsTheSameNumbers() throws Exception {
        ModelArtifact.Predictor p = ModelArtifact.load(DIR.resolve("model.json")).predictor();
        List<Map<String, Object>> expected = ModelArtifact.JSON.readValue(Files.readAllBytes(DIR.resolve("expected.json")),
                new TypeReference<List<Map<String, Object>>>() { });
        assertThat(expected).hasSize(20);
        for (Map<String, Object> e : expected) {
            Map<String, String> cats = Map.of("campaign", (String) e.get("campaign"), "age", (String) e.get("age"),
                    "gender", (String) e.get("gender"), "interest", (String) e.get("interest"));
            double[] r = p.rates(p.row(cats, Map.of("log_spend", ((Number) e.get("log_spend")).doubleValue())));
            assertThat(r[0]).isCloseTo(((Number) e.get("per_spend")).doubleValue(), within(1e-7));
            assertThat(r[1]).isCloseTo(((Number) e.get("per_click")).doubleValue(), within(1e-7));
        }
    }

    @Test
    void emitsAPriorNamingTheModel() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(DIR.resolve("model.json"));
        Prior prior = artifact.predictor().prior(Map.of("campaign", "1178", "age", "30-34"), Map.of());
        assertThat(prior.cpa()).isPositive();
        assertThat(prior.cvr()).isBetween(0.0, 1.0);
        assertThat(prior.weight()).isEqualTo(5.0);
        assertThat(prior.source()).isEqualTo("ml:" + artifact.modelId());
    }
}
