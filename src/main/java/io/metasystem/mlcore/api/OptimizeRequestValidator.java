package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link OptimizeRequest} completely before any maths runs, collecting every problem with its JSON path,
 * so a caller fixes all of them in one round trip.
 */
final class OptimizeRequestValidator {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Most totals one total_sweep may ask for. */
    static final int MAX_SWEEP = 50;
    /** Longest multi-day plan. */
    static final int MAX_HORIZON_DAYS = 14;
    /** Longest half-life of past evidence: ten years. */
    static final double MAX_HALF_LIFE_DAYS = 3650;

    private final FieldChecks checks = new FieldChecks();

    private OptimizeRequestValidator() {}

    /** @throws InvalidInputException listing every invalid field (at most 100) */
    static void validate(OptimizeRequest request) {
        OptimizeRequestValidator v = new OptimizeRequestValidator();
        v.checkSettings(request);
        v.checkWhatIf(request.totalSweep(), request.horizonDays());
        v.checkAdSets(request.adsets());
        v.checks.throwIfAny();
    }

    /**
     * Checks everything but the ad sets (an optimization on stored history brings its own).
     *
     * @throws InvalidInputException listing every invalid field (at most 100)
     */
    static void validateSettings(OptimizeRequest request) {
        validateSettings(request, null, null);
    }

    /**
     * As {@link #validateSettings(OptimizeRequest)}, with the what-if fields of the account route.
     *
     * @throws InvalidInputException listing every invalid field (at most 100)
     */
    static void validateSettings(OptimizeRequest request, List<Double> totalSweep, Integer horizonDays) {
        OptimizeRequestValidator v = new OptimizeRequestValidator();
        v.checkSettings(request);
        v.checkWhatIf(totalSweep, horizonDays);
        v.checks.throwIfAny();
    }

    /** total_sweep: 1 to 50 totals, each finite and &gt; 0; horizon_days: 1 to 14. */
    private void checkWhatIf(List<Double> totalSweep, Integer horizonDays) {
        if (totalSweep != null) {
            if (totalSweep.isEmpty() || totalSweep.size() > MAX_SWEEP) {
                checks.error("total_sweep", "must hold 1 to " + MAX_SWEEP + " totals, had " + totalSweep.size());
            } else {
                for (int i = 0; i < totalSweep.size(); i++) {
                    checks.positive("total_sweep[" + i + "]", totalSweep.get(i), true, FieldChecks.MAX_MONEY_PER_DAY);
                }
            }
        }
        if (horizonDays != null && (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS)) {
            checks.error("horizon_days", "must be between 1 and " + MAX_HORIZON_DAYS + ", was " + horizonDays);
        }
    }

    private void checkSettings(OptimizeRequest r) {
        if (r.objective() != null
                && !Set.of("conversions", "revenue", "value")
                        .contains(r.objective().toLowerCase(Locale.ROOT))) {
            checks.error(
                    "objective",
                    "streams".equalsIgnoreCase(r.objective().strip())
                            ? "streams needs stored history and artists: use POST "
                                    + "/api/v1/accounts/{account_id}/optimize"
                            : "must be one of [conversions, revenue, value], was '" + r.objective() + "'");
        }
        if (r.currency() != null && !CURRENCY.matcher(r.currency()).matches()) {
            checks.error("currency", "must be a 3-letter ISO 4217 code such as EUR, was '" + r.currency() + "'");
        }
        checkBudget(r.budget());
        if (r.targets() != null) {
            checks.positive("targets.cpa", r.targets().cpa(), false, FieldChecks.MAX_MONEY_PER_DAY);
            checks.positive("targets.roas", r.targets().roas(), false, FieldChecks.MAX_RATIO);
        }
        checks.nonNegative("risk_aversion", r.riskAversion(), false, FieldChecks.MAX_RATIO);
        checks.positive("half_life_days", r.halfLifeDays(), false, MAX_HALF_LIFE_DAYS);
        if (r.earlyStop() != null) {
            Double confidence = r.earlyStop().confidence();
            if (checks.finite("early_stop.confidence", confidence, false) && !(confidence > 0.5 && confidence < 1)) {
                checks.error("early_stop.confidence", "must be in (0.5, 1), was " + confidence);
            }
            checks.nonNegative(
                    "early_stop.min_spend_multiple", r.earlyStop().minSpendMultiple(), false, FieldChecks.MAX_RATIO);
        }
    }

    private void checkBudget(OptimizeRequest.Budget b) {
        if (b == null) {
            checks.error("budget", "is required");
            return;
        }
        checks.positive("budget.total", b.total(), true, FieldChecks.MAX_MONEY_PER_DAY);
        checks.nonNegative("budget.min_per_adset", b.minPerAdset(), false, FieldChecks.MAX_MONEY_PER_DAY);
        checks.positive("budget.max_per_adset", b.maxPerAdset(), false, FieldChecks.MAX_MONEY_PER_DAY);
        checks.nonNegative("budget.max_change_ratio", b.maxChangeRatio(), false, FieldChecks.MAX_RATIO);
        if (checks.nonNegative("budget.exploration_share", b.explorationShare(), false, FieldChecks.MAX_RATIO)
                && b.explorationShare() > 1) {
            checks.error("budget.exploration_share", "must be at most 1, was " + b.explorationShare());
        }
    }

    private void checkAdSets(List<OptimizeRequest.AdSet> adsets) {
        if (!checks.adSetList(adsets)) {
            return;
        }
        for (int i = 0; i < adsets.size(); i++) {
            String path = "adsets[" + i + "]";
            OptimizeRequest.AdSet a = adsets.get(i);
            if (!checks.adSetIdentity(i, a, a == null ? null : a.id(), a == null ? null : a.status())) {
                continue;
            }
            checks.nonNegative(path + ".current_budget", a.currentBudget(), false, FieldChecks.MAX_MONEY_PER_DAY);
            if (Boolean.TRUE.equals(a.locked())) {
                if (a.currentBudget() == null) {
                    checks.error(path + ".current_budget", "is required when locked is true");
                }
                if (a.status() != null && "PAUSED".equalsIgnoreCase(a.status())) {
                    checks.error(path + ".locked", "a PAUSED ad set cannot be locked");
                }
            }
            checks.positive(path + ".value_per_conversion", a.valuePerConversion(), false, FieldChecks.MAX_RATIO);
            if (checks.nonNegative(
                            path + ".value_per_conversion_sd", a.valuePerConversionSd(), false, FieldChecks.MAX_RATIO)
                    && a.valuePerConversion() == null) {
                checks.error(path + ".value_per_conversion_sd", "needs value_per_conversion");
            }
            if (a.metrics() != null) {
                OptimizeRequest.Metrics m = a.metrics();
                checks.counts(
                        path + ".metrics",
                        m.spend(),
                        m.impressions(),
                        m.clicks(),
                        m.conversions(),
                        m.revenue(),
                        FieldChecks.MAX_MONEY_TOTAL);
            }
            if (a.daily() != null) {
                checks.daily(path + ".daily", a.daily());
            }
            if (a.prior() != null) {
                checkPrior(path + ".prior", a.prior());
            }
        }
    }

    private void checkPrior(String path, OptimizeRequest.Prior p) {
        boolean any = checks.positive(path + ".cpa", p.cpa(), false, FieldChecks.MAX_MONEY_PER_DAY)
                | checks.positive(path + ".cvr", p.cvr(), false, FieldChecks.MAX_RATIO)
                | checks.positive(path + ".roas", p.roas(), false, FieldChecks.MAX_RATIO);
        if (p.cvr() != null && Double.isFinite(p.cvr()) && p.cvr() > 1) {
            checks.error(path + ".cvr", "must be at most 1, was " + p.cvr());
        }
        if (!any && p.cpa() == null && p.cvr() == null && p.roas() == null) {
            checks.error(path, "needs at least one of cpa, cvr or roas");
        }
        checks.positive(path + ".weight", p.weight(), true, FieldChecks.MAX_RATIO);
    }
}
