package io.metasystem.mlcore.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a model was made from, saved next to it as {@code provenance.json} (as Tribuo's provenance does).
 *
 * <p>Stored (file and {@code ml_model.provenance}) through {@code StoredJson} with the Java names below (e.g.
 * {@code artifactSha256}), the format every saved model has; the API answers it through the application's mapper,
 * in {@code snake_case} ({@code artifact_sha256}, {@code validation.fold_labels}).
 *
 * @param modelId         the artifact's id
 * @param artifactFile    file name of the artifact
 * @param artifactSha256  sha256 of the artifact file's bytes
 * @param dataset         data set name
 * @param sourceSha256    sha256 of the CSV trained on
 * @param target          target column
 * @param dataWindow      dates covered (or "no dates")
 * @param rows            rows used
 * @param droppedRows     zero-spend rows dropped
 * @param features        encoded feature columns
 * @param params          XGBoost parameters
 * @param seed            seed of folds and models
 * @param libraries       library and runtime versions
 * @param validation      held-out metrics of the model and the references
 */
public record Provenance(
        String modelId,
        String artifactFile,
        String artifactSha256,
        String dataset,
        String sourceSha256,
        String target,
        String dataWindow,
        int rows,
        int droppedRows,
        List<String> features,
        Map<String, Object> params,
        long seed,
        Map<String, String> libraries,
        Validation.Result validation) {
    /** Writes the stored form (pretty-printed) to {@code file}. */
    public void save(Path file) throws IOException {
        Files.write(file, ModelArtifact.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
