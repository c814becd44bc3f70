package io.metasystem.mlcore.ml;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/** Validates the three models, fits the tree model on all rows and writes artifact, provenance and report. */
public final class Training {
    public static final String ARTIFACT_FILE = "model.json";
    public static final String PROVENANCE_FILE = "provenance.json";

    private Training() {}

    /** Output of {@link #run}. */
    public record Outcome(Validation.Result validation, ModelArtifact artifact, Provenance provenance) {}

    /**
     * @param out      directory for model.json, provenance.json, report.md, report.json, calibration.png
     * @param progress receives progress lines
     */
    public static Outcome run(
            FeatureTable table, Validation.Settings settings, int maxRounds, Path out, Consumer<String> progress)
            throws IOException {
        XgbTrainer xgb = new XgbTrainer(settings.seed(), maxRounds, null);
        List<ModelTrainer> trainers = List.of(new GlobalMeanTrainer(), new HierarchicalTrainer(), xgb);
        Validation.Result result = Validation.run(table, trainers, settings, progress);
        progress.accept("fitting final model on all " + table.rows().size() + " rows");
        XgbModel spend = xgb.fit(table, Exposure.SPEND);
        XgbModel click = xgb.fit(table, Exposure.CLICKS);
        ModelArtifact artifact =
                ModelArtifact.of(table, spend, click, result.score(xgb.name()).priorWeight());
        Files.createDirectories(out);
        byte[] bytes = artifact.save(out.resolve(ARTIFACT_FILE));
        Provenance provenance = new Provenance(
                artifact.modelId(),
                ARTIFACT_FILE,
                Datasets.sha256(bytes),
                table.dataset(),
                table.sha256(),
                table.target(),
                table.window(),
                table.rows().size(),
                table.droppedRows(),
                spend.encoder().columnNames(),
                xgb.params(),
                settings.seed(),
                libraries(),
                result);
        provenance.save(out.resolve(PROVENANCE_FILE));
        Reports.write(table, result, provenance, out);
        return new Outcome(result, artifact, provenance);
    }

    static Map<String, String> libraries() {
        Map<String, String> libs = new LinkedHashMap<>();
        libs.put("xgboost4j", resourceProperty("/xgboost4j-version.properties", "version"));
        libs.put("commons-csv", packageVersion(CSVFormat.class));
        libs.put("java", System.getProperty("java.version"));
        libs.put("ml-core", packageVersion(Training.class));
        return libs;
    }

    private static String resourceProperty(String resource, String key) {
        try (InputStream in = Training.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String packageVersion(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
