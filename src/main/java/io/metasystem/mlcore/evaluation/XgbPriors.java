package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.ml.ModelArtifact;
import io.metasystem.mlcore.ml.Training;
import io.metasystem.mlcore.ml.Validation;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Priors from the production path: {@link Training#run} (validation of the three models, XGBoost fitted on all rows,
 * artifact and provenance written to a directory) and {@link ModelArtifact.Predictor#prior}, exactly what
 * {@code use_model_priors} serves from the registry.
 */
public record XgbPriors(
        ModelArtifact.Predictor predictor, double overdispersion, double heldOutDeviance, boolean creativeFeatures)
        implements AttributePriors {

    /** @param out directory for model.json, provenance.json and the training report */
    public static XgbPriors train(
            FeatureTable table, Validation.Settings settings, int maxRounds, Path out, Consumer<String> progress)
            throws IOException {
        Training.Outcome o = Training.run(table, settings, maxRounds, out, progress);
        Validation.ModelScore score = o.validation().score("xgboost_poisson");
        return new XgbPriors(
                o.artifact().predictor(),
                score.overdispersion(),
                score.poissonDeviance(),
                table.categoricalNames().size() > SyntheticAdSetTraits.NAMES.size());
    }

    @Override
    public String model() {
        return "xgboost_poisson" + (creativeFeatures ? CREATIVE_SUFFIX : "");
    }

    @Override
    public double weight() {
        return predictor.artifact().priorWeight();
    }

    @Override
    public Prior prior(SyntheticAdSetTraits attributes, double dailySpend) {
        return predictor.prior(
                TrainingRows.features(attributes, creativeFeatures).asMap(),
                Map.of(TrainingRows.LOG_SPEND, Math.log(dailySpend)));
    }
}
