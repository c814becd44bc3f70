package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * Why the budget constraints of a problem cannot all hold, and what would fix them (mandate §5.1).
 *
 * @param feasible    true when Σ lower bounds ≤ total ≤ Σ upper bounds (then both lists are empty)
 * @param binding     the rules whose bounds break the total, the total itself included
 * @param suggestions one smallest change per field that fixes the request on its own; possibly empty
 * @param sentence    the suggestions as one sentence for {@code detail}, empty when there are none
 */
public record FeasibilityReport(
        boolean feasible, List<BindingConstraint> binding, List<Suggestion> suggestions, String sentence) {
    public FeasibilityReport {
        binding = List.copyOf(binding);
        suggestions = List.copyOf(suggestions);
    }
}
