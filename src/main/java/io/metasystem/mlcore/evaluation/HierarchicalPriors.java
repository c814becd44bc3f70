package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.Exposure;
import io.metasystem.mlcore.ml.FeatureRow;
import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.ml.HierarchicalTrainer;
import io.metasystem.mlcore.ml.ModelArtifact;
import io.metasystem.mlcore.ml.RateModel;
import io.metasystem.mlcore.ml.Validation;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;

import java.util.List;
import java.util.function.Consumer;

/**
 * Priors from the ml package's {@link HierarchicalTrainer} (empirical-Bayes Gamma–Poisson over audience → placement →
 * creative). The weight is the one {@link Validation} measures for that model (grouped k-fold by ad set, held-out
 * overdispersion); the prior is built as {@link ModelArtifact#prior} builds the served one. The artifact format
 * holds tree models only, hence this adapter.
 */
public record HierarchicalPriors(
        RateModel perSpend,
        RateModel perClick,
        double weight,
        double overdispersion,
        double heldOutDeviance,
        boolean creativeFeatures)
        implements AttributePriors {

    /** Validates (for the weight) and fits on all rows; creative features are used when the table has them. */
    public static HierarchicalPriors train(
            FeatureTable table, Validation.Settings settings, Consumer<String> progress) {
        HierarchicalTrainer trainer = new HierarchicalTrainer();
        Validation.ModelScore score =
                Validation.run(table, List.of(trainer), settings, progress).score(trainer.name());
        progress.accept(trainer.name() + ": fitting on all " + table.rows().size() + " rows");
        return new HierarchicalPriors(
                trainer.fit(table, Exposure.SPEND),
                trainer.fit(table, Exposure.CLICKS),
                score.priorWeight(),
                score.overdispersion(),
                score.poissonDeviance(),
                table.categoricalNames().size() > SyntheticAdSetTraits.NAMES.size());
    }

    @Override
    public String model() {
        return "hierarchical_eb" + (creativeFeatures ? CREATIVE_SUFFIX : "");
    }

    @Override
    public Prior prior(SyntheticAdSetTraits attributes, double dailySpend) {
        FeatureRow row = new FeatureRow(
                "new",
                -1,
                TrainingRows.features(attributes, creativeFeatures).values(),
                new double[] {Math.log(dailySpend)},
                1,
                0,
                0);
        return ModelArtifact.prior(perSpend.rate(row), perClick.rate(row), weight, model());
    }
}
