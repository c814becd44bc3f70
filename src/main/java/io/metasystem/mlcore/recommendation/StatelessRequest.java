package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.Prior;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stateless optimization: the caller sends the whole state.
 *
 * @param accountId the account the answer is recorded for (and whose model scope is a default); null: none
 * @param useModelPriors true: priors from a champion (which must exist), false: none, null: the default rule
 * @param modelScope the registry scope of the model; null: the default scopes
 * @param wanted the ad sets that get a model prior when a champion is selected (attributes, no explicit prior)
 * @param problem builds the validated problem from the model priors by ad-set index (empty without a model); it
 *     throws {@link io.metasystem.mlcore.errors.InvalidInputException} for invalid input
 */
public record StatelessRequest(
        String accountId,
        Boolean useModelPriors,
        String modelScope,
        List<PriorWanted> wanted,
        Function<Map<Integer, Prior>, OptimizationProblem> problem) {
    public StatelessRequest {
        wanted = List.copyOf(wanted);
    }

    /**
     * An ad set that a model prior would fill.
     *
     * @param index position in the request's {@code adsets}
     * @param adsetId its id, for the prediction log
     * @param attributes what the model sees
     * @param day the day the prediction is for (the day after its last daily row)
     */
    public record PriorWanted(int index, String adsetId, Map<String, String> attributes, LocalDate day) {}
}
