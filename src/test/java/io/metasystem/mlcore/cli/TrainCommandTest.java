package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.ml.ModelArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {
    @Test
    void trainOnKagWritesArtifactProvenanceReportAndPlotAndBeatsTheBaseline(@TempDir Path dir) throws Exception {
        assertThat(MlCoreCli.handles(new String[] {"train"})).isTrue();
        int code = MlCoreCli.run(new String[] {
            "train",
            "--csv",
            "data/samples/kag_conversion_data.csv",
            "--target",
            "TOTAL",
            "--report",
            dir.toString(),
            "--max-rounds",
            "300"
        });
        assertThat(code).isZero();
        for (String f : new String[] {"model.json", "provenance.json", "report.md", "report.json", "calibration.png"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        JsonNode prov = JsonMapper.builder()
                .build()
                .readTree(dir.resolve("provenance.json").toFile());
        assertThat(prov.get("artifactSha256").asString()).isEqualTo(Datasets.sha256(dir.resolve("model.json")));
        assertThat(prov.get("rows").asInt()).isEqualTo(936);
        assertThat(prov.get("params").get("seed").asLong()).isEqualTo(42);
        assertThat(prov.get("libraries").get("xgboost4j").asString()).isEqualTo("3.4.0");
        JsonNode scores = prov.get("validation").get("scores");
        double global = scores.get(0).get("poissonDeviance").asDouble();
        double hier = scores.get(1).get("poissonDeviance").asDouble();
        double xgb = scores.get(2).get("poissonDeviance").asDouble();
        assertThat(xgb).isLessThan(hier).isLessThan(global);
        ModelArtifact artifact = ModelArtifact.load(dir.resolve("model.json"));
        assertThat(artifact.priorWeight())
                .isEqualTo(scores.get(2).get("priorWeight").asDouble());
        assertThat(Files.readString(dir.resolve("report.md"))).contains("hierarchical_eb", "xgboost_poisson");
    }

    @Test
    void missingCsvIsAUsageError(@TempDir Path dir) {
        assertThat(MlCoreCli.run(
                        new String[] {"train", "--csv", dir.resolve("nope.csv").toString()}))
                .isEqualTo(2);
    }
}
