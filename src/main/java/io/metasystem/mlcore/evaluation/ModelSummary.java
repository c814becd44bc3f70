package io.metasystem.mlcore.evaluation;

/**
 * What the report says about a prior model.
 *
 * @param model          model name
 * @param overdispersion held-out overdispersion V̂
 * @param weight         prior weight in pseudo-conversions (1/V̂, clamped)
 * @param heldOutDeviance held-out Poisson deviance per ad set (spend model)
 */
record ModelSummary(String model, double overdispersion, double weight, double heldOutDeviance) {
    static ModelSummary of(AttributePriors m) {
        return new ModelSummary(m.model(), m.overdispersion(), m.weight(), m.heldOutDeviance());
    }
}
