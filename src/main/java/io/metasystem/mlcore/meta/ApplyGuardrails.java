package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The guardrails of apply, from configuration (APPLY_*): allow-list, recommendation age, data age (stale data),
 * total, minimum, change per day. Stateless: callers pass the current and start-of-day budgets. Every check throws
 * {@link GuardrailViolationException} naming the guardrail; nothing is half-applied
 * because checks run before any change.
 */
final class ApplyGuardrails {
    private final MetaProperties properties;

    ApplyGuardrails(MetaProperties properties) {
        this.properties = properties;
    }

    /** Account allow-list, recommendation age, age of its data, total budget. */
    void checkRecommendation(AppliableRecommendation rec, Instant now) {
        if (rec.accountId() == null
                || !properties.allowedAccounts().contains(MetaProperties.bareAccount(rec.accountId()))) {
            throw new GuardrailViolationException(
                    "allowed_accounts",
                    null,
                    "Account '" + rec.accountId() + "' is not in APPLY_ALLOWED_ACCOUNTS " + properties.allowedAccounts()
                            + "; nothing was changed.");
        }
        Duration age = Duration.between(rec.createdAt().toInstant(), now);
        if (age.compareTo(Duration.ofHours(properties.maxRecommendationAge())) > 0) {
            throw new GuardrailViolationException(
                    "max_recommendation_age_hours",
                    null,
                    "Recommendation "
                            + rec.id() + " is " + age.toHours() + " h old; APPLY_MAX_RECOMMENDATION_AGE_HOURS is "
                            + properties.maxRecommendationAge() + ". Optimize again.");
        }
        checkDataAge(rec, now);
        if (properties.maxTotalDailyBudget() != null) {
            BigDecimal total = rec.adSets().stream()
                    .map(AppliableRecommendation.Target::recommendedBudget)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(properties.maxTotalDailyBudget()) > 0) {
                throw new GuardrailViolationException(
                        "max_total_daily_budget",
                        null,
                        "Recommended total "
                                + total.toPlainString() + " per day exceeds APPLY_MAX_TOTAL_DAILY_BUDGET "
                                + properties.maxTotalDailyBudget().toPlainString() + ".");
            }
        }
    }

    /**
     * Stale data: the newest insight day the recommendation was computed from must be at most
     * {@code APPLY_MAX_DATA_AGE_DAYS} before today (UTC). Without a data date (a stateless optimize call with undated
     * rows) it passes unless {@code APPLY_REQUIRE_DATA_DATE=true}.
     */
    private void checkDataAge(AppliableRecommendation rec, Instant now) {
        int maxDays = properties.maxDataAgeDays();
        if (maxDays == 0) {
            return;
        }
        if (rec.dataUntil() == null) {
            if (properties.requireDataDate()) {
                throw new GuardrailViolationException(
                        "max_data_age_days",
                        null,
                        "Recommendation " + rec.id()
                                + " was computed without dated insights and APPLY_REQUIRE_DATA_DATE is true.");
            }
            return;
        }
        long age = ChronoUnit.DAYS.between(rec.dataUntil(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (age > maxDays) {
            throw new GuardrailViolationException(
                    "max_data_age_days",
                    null,
                    "Recommendation " + rec.id()
                            + " was computed from insights up to " + rec.dataUntil() + ", " + age
                            + " days ago; APPLY_MAX_DATA_AGE_DAYS is " + maxDays + ". Sync, then optimize again.");
        }
    }

    /**
     * Minimum budget and largest change per ad set per day.
     *
     * @param baselines budget of each ad set at the start of the UTC day (before any apply of today), nullable values
     */
    void checkAdSet(AppliableRecommendation.Target target, Map<String, BigDecimal> baselines) {
        if (target.pause()) {
            return; // pausing stops spend; neither the minimum nor the change ratio applies
        }
        BigDecimal budget = target.recommendedBudget();
        if (budget.compareTo(properties.minDailyBudget()) < 0) {
            throw new GuardrailViolationException(
                    "min_daily_budget",
                    target.adsetId(),
                    "Ad set " + target.adsetId()
                            + ": recommended " + budget.toPlainString() + " per day is below APPLY_MIN_DAILY_BUDGET "
                            + properties.minDailyBudget().toPlainString() + ".");
        }
        BigDecimal baseline = baselines.get(target.adsetId());
        if (baseline != null && baseline.signum() > 0) {
            BigDecimal ratio = budget.subtract(baseline).abs().divide(baseline, MathContext.DECIMAL64);
            if (ratio.compareTo(properties.maxChangeRatio()) > 0) {
                throw new GuardrailViolationException(
                        "max_change_ratio",
                        target.adsetId(),
                        "Ad set " + target.adsetId()
                                + ": " + baseline.toPlainString() + " → " + budget.toPlainString()
                                + " per day is a change of "
                                + ratio.multiply(BigDecimal.valueOf(100))
                                        .setScale(1, RoundingMode.HALF_UP)
                                        .toPlainString()
                                + " % today; APPLY_MAX_CHANGE_RATIO is "
                                + properties.maxChangeRatio().toPlainString() + ".");
            }
        }
    }
}
