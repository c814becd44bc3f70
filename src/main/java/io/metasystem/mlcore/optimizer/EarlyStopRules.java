package io.metasystem.mlcore.optimizer;

/**
 * When to pause a loser: P(CPA &gt; target) &ge; {@code confidence} (or P(ROAS &lt; target) likewise) and the
 * ad set has spent at least {@code minSpendMultiple} × target CPA.
 *
 * @param enabled          whether early stop may pause ad sets
 * @param confidence       posterior probability required, in (0.5, 1)
 * @param minSpendMultiple spend required before judging, in multiples of the target CPA, &ge; 0
 */
public record EarlyStopRules(boolean enabled, double confidence, double minSpendMultiple) {
    public static final EarlyStopRules DEFAULT = new EarlyStopRules(true, 0.95, 2.0);

    public EarlyStopRules {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new InvalidProblemException("early_stop.confidence", "must be in (0.5, 1), was " + confidence);
        }
        Checks.nonNegative("early_stop.min_spend_multiple", minSpendMultiple);
    }
}
