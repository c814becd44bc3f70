package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;

/** A trained model that turns a new ad set's attributes into the optimizer {@link Prior} the API would attach. */
public interface AttributePriors {
    /** Model name as in docs/ml.md ({@code hierarchical_eb}, {@code xgboost_poisson}). */
    String model();

    /** Pseudo-conversions of every emitted prior: 1/held-out overdispersion, clamped to [1, 200]. */
    double weight();

    /** Held-out overdispersion V̂ from which {@link #weight()} came. */
    double overdispersion();

    /** Held-out mean Poisson deviance per ad set of the per-spend model (grouped k-fold by ad set). */
    double heldOutDeviance();

    /** Whether the model was trained on (and reads) the ad sets' {@code creative_*} features. */
    boolean creativeFeatures();

    /** Suffix of {@link #model()} of a model with creative features. */
    String CREATIVE_SUFFIX = "+creative";

    /**
     * @param attributes the ad set's attributes
     * @param dailySpend the spend level the prior is for (currency per day; used by models with a spend feature)
     */
    Prior prior(SyntheticAdSetTraits attributes, double dailySpend);
}
