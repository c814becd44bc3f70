package io.metasystem.mlcore.ml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a golden artifact of {@link GoldenModelTest} in the current format (run once per artifact format change,
 * not by the suite): {@code java -cp ... io.metasystem.mlcore.ml.GoldenModelWriter src/test/resources/ml/golden-v2}.
 * {@code src/test/resources/ml/golden} is the format-1 artifact written before margin offsets existed; never rewrite
 * it, it proves that old saved models still predict as they did.
 */
public final class GoldenModelWriter {
    static final List<Map<String, String>> CASES = List.of(
            Map.of("campaign", "916", "age", "30-34", "gender", "M", "interest", "15"),
            Map.of("campaign", "936", "age", "40-44", "gender", "F", "interest", "29"),
            Map.of("campaign", "1178", "age", "45-49", "gender", "F", "interest", "10"),
            Map.of("campaign", "1178", "age", "30-34", "gender", "M", "interest", "16"),
            Map.of("campaign", "999", "age", "25-29", "gender", "X", "interest", "0"));
    static final List<Double> LOG_SPENDS = List.of(0.0, 2.0, 4.0, 6.0);

    private GoldenModelWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        FeatureTable table =
                Datasets.loadKag(Path.of("data/samples/kag_conversion_data.csv"), Datasets.KagTarget.APPROVED);
        XgbTrainer trainer = new XgbTrainer(7, 20, 20);
        ModelArtifact artifact =
                ModelArtifact.of(table, trainer.fit(table, Exposure.SPEND), trainer.fit(table, Exposure.CLICKS), 5.0);
        artifact.save(dir.resolve("model.json"));
        ModelArtifact.Predictor p =
                ModelArtifact.load(dir.resolve("model.json")).predictor();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, String> c : CASES) {
            for (double ls : LOG_SPENDS) {
                double[] r = p.rates(p.row(c, Map.of("log_spend", ls)));
                Map<String, Object> e = new LinkedHashMap<>(c);
                e.put("log_spend", ls);
                e.put("per_spend", r[0]);
                e.put("per_click", r[1]);
                expected.add(e);
            }
        }
        Files.write(
                dir.resolve("expected.json"),
                ModelArtifact.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(expected));
    }
}
