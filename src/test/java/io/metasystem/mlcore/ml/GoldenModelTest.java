package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.optimizer.Prior;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Models saved by format version 1 (src/test/resources/ml/golden, no margin offsets) and 2 (golden-v2, with offsets),
 * both written by GoldenModelWriter, still load and predict the same numbers.
 */
class GoldenModelTest {
    private static final Path DIR = Path.of("src/test/resources/ml/golden");
    private static final Path DIR_V2 = Path.of("src/test/resources/ml/golden-v2");

    @Test
    void savedModelLoadsAndPredictsTheSameNumbers() throws Exception {
        assertPredictsTheExpectedNumbers(
                ModelArtifact.load(DIR.resolve("model.json")).predictor(), DIR);
    }

    /** The 20 predictions of {@code dir/expected.json}, to 1e-7. */
    private static void assertPredictsTheExpectedNumbers(ModelArtifact.Predictor p, Path dir) throws Exception {
        List<Map<String, Object>> expected = ModelArtifact.JSON.readValue(
                Files.readAllBytes(dir.resolve("expected.json")), new TypeReference<List<Map<String, Object>>>() {});
        assertThat(expected).hasSize(20);
        for (Map<String, Object> e : expected) {
            Map<String, String> cats = Map.of(
                    "campaign",
                    (String) e.get("campaign"),
                    "age",
                    (String) e.get("age"),
                    "gender",
                    (String) e.get("gender"),
                    "interest",
                    (String) e.get("interest"));
            double[] r = p.rates(p.row(cats, Map.of("log_spend", ((Number) e.get("log_spend")).doubleValue())));
            assertThat(r[0]).isCloseTo(((Number) e.get("per_spend")).doubleValue(), within(1e-7));
            assertThat(r[1]).isCloseTo(((Number) e.get("per_click")).doubleValue(), within(1e-7));
        }
    }

    @Test
    void formatOneLoadsWithoutMarginOffsets() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(DIR.resolve("model.json"));
        assertThat(artifact.formatVersion()).isEqualTo(1);
        assertThat(artifact.spendMarginOffset()).isNull();
        assertThat(artifact.predictor().spend().marginOffset()).isZero();
        assertThat(artifact.predictor().click().marginOffset()).isZero();
    }

    @Test
    void formatTwoModelLoadsAndPredictsTheSameNumbers() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(DIR_V2.resolve("model.json"));
        assertThat(artifact.formatVersion()).isEqualTo(2);
        // kag approved: 1,003 conversions on 58,705 of spend and 38,165 clicks (log 0.0171 = -4.07, log 0.0263 = -3.64)
        assertThat(artifact.spendMarginOffset()).isCloseTo(-4.07, within(0.01));
        assertThat(artifact.clickMarginOffset()).isCloseTo(-3.64, within(0.01));
        ModelArtifact.Predictor p = artifact.predictor();
        assertThat(p.spend().marginOffset()).isEqualTo(artifact.spendMarginOffset());
        assertPredictsTheExpectedNumbers(p, DIR_V2);
    }

    @Test
    void rejectsAFormatTwoArtifactWithoutOffsetsAndAFormatOneWithOffsets() throws Exception {
        ModelArtifact a = ModelArtifact.load(DIR_V2.resolve("model.json"));
        assertThatThrownBy(() -> new ModelArtifact(
                        2,
                        a.modelId(),
                        a.dataset(),
                        a.target(),
                        a.encoder(),
                        a.spendRounds(),
                        a.clickRounds(),
                        a.spendBooster(),
                        a.clickBooster(),
                        a.priorWeight(),
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spendMarginOffset");
        assertThatThrownBy(() -> new ModelArtifact(
                        1,
                        a.modelId(),
                        a.dataset(),
                        a.target(),
                        a.encoder(),
                        a.spendRounds(),
                        a.clickRounds(),
                        a.spendBooster(),
                        a.clickBooster(),
                        a.priorWeight(),
                        -4.0,
                        -3.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 1");
        assertThatThrownBy(() -> new ModelArtifact(
                        3,
                        a.modelId(),
                        a.dataset(),
                        a.target(),
                        a.encoder(),
                        a.spendRounds(),
                        a.clickRounds(),
                        a.spendBooster(),
                        a.clickBooster(),
                        a.priorWeight(),
                        -4.0,
                        -3.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatVersion");
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
