/**
 * The use case "optimize and record a recommendation": {@link io.metasystem.mlcore.recommendation.Recommender}
 * optimizes a stateless request or an account's stored history (stored rows map straight to the optimizer's input),
 * selects the champion model whose priors fill ad sets with attributes (and logs its predictions), records the answer
 * with its inputs and the newest insight day it saw, and publishes {@code recommendation.created} to the outbound
 * webhooks.
 *
 * <p>Owns: the prior-selection rule (docs/ml.md, "Model priors by default"), the default seed, recording. May use:
 * {@code optimizer}, {@code ml} (model priors, serving features, prediction log), {@code store}, {@code webhooks},
 * {@code errors}; never {@code api} (ArchUnit): the web API parses, calls this package and maps its results to the
 * wire format.
 */
package io.metasystem.mlcore.recommendation;
