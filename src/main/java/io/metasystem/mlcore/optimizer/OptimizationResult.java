package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * The answer to an {@link OptimizationProblem}: ad sets in the order of the problem.
 *
 * @param adSets   one recommendation per input ad set, same order
 * @param summary  totals
 * @param warnings things the caller should know (thin data, binding caps, unspent budget)
 * @param method   short name of the method, e.g. {@code bayes-gamma-poisson/water-filling/thompson}
 * @param version  optimizer version, bumped whenever results for the same input can change
 */
public record OptimizationResult(
        List<AdSetRecommendation> adSets,
        AllocationSummary summary,
        List<String> warnings,
        String method,
        String version) {
    public OptimizationResult {
        adSets = List.copyOf(adSets);
        warnings = List.copyOf(warnings);
    }
}
