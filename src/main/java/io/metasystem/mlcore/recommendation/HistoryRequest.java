package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.ConversionValue;

import java.util.List;
import java.util.Map;

/**
 * An optimization of an account's stored ad sets on their stored history.
 *
 * @param accountId the account, in any spelling ({@code act_} or not); never null
 * @param settings the validated settings; the currency, when null, is the account's
 * @param seedBasis the settings as the caller sent them, from which the default seed is derived
 * @param lookbackDays days of history ending on the latest stored day, 1 to 365
 * @param campaignId only the ad sets of this campaign; null: every campaign
 * @param useModelPriors true: priors from a champion (which must exist), false: none, null: the default rule
 * @param modelScope the registry scope of the model; null: the default scopes
 * @param lockedAdsets ids of stored ad sets kept at their stored daily budget; empty: none (never null)
 * @param values value of one conversion per ad-set id (objective value, e.g. {@link StreamsValues}); ad sets not
 *     in it have none; empty: none (never null)
 */
public record HistoryRequest(
        String accountId,
        OptimizeSettings settings,
        SeedBasis seedBasis,
        int lookbackDays,
        String campaignId,
        Boolean useModelPriors,
        String modelScope,
        List<String> lockedAdsets,
        Map<String, ConversionValue> values) {
    public HistoryRequest {
        lockedAdsets = lockedAdsets == null ? List.of() : List.copyOf(lockedAdsets);
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /**
     * The settings as received, serialised into the default seed (so that an answer without a seed depends on the
     * request as sent and on the history, as it always has). The components are the caller's own values of the
     * request's budget, targets and early-stop objects; they are only ever serialised.
     */
    public record SeedBasis(
            String objective,
            Object budget,
            Object targets,
            Double riskAversion,
            Object earlyStop,
            Double halfLifeDays) {}
}
