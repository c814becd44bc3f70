package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * A constraint that binds: on an infeasible request, one of the rules whose bounds sum past the total; on a
 * feasible answer, a rule holding ad sets at a bound the optimizer would have crossed (mandate §5.1).
 *
 * @param field  the rule, e.g. {@code budget.max_change_ratio}, {@code budget.min_per_adset},
 *               {@code budget.max_per_adset}, {@code adsets.locked} or {@code budget.total}
 * @param bound  {@code lower} (the rule sets floors) or {@code upper} (it sets ceilings); {@code total} for the
 *               budget itself; {@code fixed} for locked ad sets on a feasible answer
 * @param adsets ids of the ad sets whose bound the rule sets, in input order (empty for {@code budget.total})
 * @param amount sum of those bounds (currency per day); for {@code budget.total} the total
 */
public record BindingConstraint(String field, String bound, List<String> adsets, double amount) {
    public BindingConstraint {
        adsets = List.copyOf(adsets);
    }
}
