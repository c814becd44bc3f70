package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.Prior;

/**
 * Where {@link OptimizerPolicy} gets an ad set's outside prior, as the API's {@code use_model_priors} would attach it
 * to ad sets that carry attributes. Must be thread-safe (policies serve scenarios in parallel).
 */
@FunctionalInterface
public interface PriorLookup {
    /** No priors at all: the request the API sends without {@code use_model_priors}. */
    PriorLookup NONE = (scenarioSeed, adSetId) -> null;

    /** The prior of ad set {@code adSetId} in the scenario with seed {@code scenarioSeed}, null when none. */
    Prior prior(long scenarioSeed, String adSetId);
}
