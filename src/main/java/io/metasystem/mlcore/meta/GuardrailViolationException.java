package io.metasystem.mlcore.meta;

/**
 * An apply refused before any change because a guardrail would be broken: 422 naming the guardrail
 * ({@code allowed_accounts}, {@code max_recommendation_age_hours}, {@code max_data_age_days}, {@code
 * max_total_daily_budget},
 * {@code max_change_ratio}, {@code min_daily_budget}) and, where it is about one, the ad set.
 */
public class GuardrailViolationException extends RuntimeException {
    private final String guardrail;
    private final String adsetId;

    public GuardrailViolationException(String guardrail, String adsetId, String message) {
        super(message);
        this.guardrail = guardrail;
        this.adsetId = adsetId;
    }

    public String guardrail() {
        return guardrail;
    }

    /** Nullable. */
    public String adsetId() {
        return adsetId;
    }
}
