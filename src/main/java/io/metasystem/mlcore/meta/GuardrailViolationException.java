package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply refused before any change because a guardrail would be broken: 422 naming the guardrail
 * ({@code allowed_accounts}, {@code max_recommendation_age_hours}, {@code max_data_age_days}, {@code
 * max_total_daily_budget}, {@code max_change_ratio}, {@code min_daily_budget}) as the field and as member
 * {@code guardrail}, and, where it is about one, the ad set ({@code adset_id}).
 */
public class GuardrailViolationException extends ProblemException {
    private final String guardrail;
    private final String adsetId;

    public GuardrailViolationException(String guardrail, String adsetId, String message) {
        super(
                ProblemKind.UNPROCESSABLE,
                "Guardrail refused the change",
                message,
                List.of(new FieldProblem(guardrail, message)),
                members(guardrail, adsetId),
                null);
        this.guardrail = guardrail;
        this.adsetId = adsetId;
    }

    private static Map<String, Object> members(String guardrail, String adsetId) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("guardrail", guardrail);
        if (adsetId != null) {
            members.put("adset_id", adsetId);
        }
        return members;
    }

    /** The guardrail's setting name, e.g. {@code max_change_ratio}. */
    public String guardrail() {
        return guardrail;
    }

    /** The ad set the guardrail refused; null when the refusal is about the whole apply. */
    public String adsetId() {
        return adsetId;
    }
}
