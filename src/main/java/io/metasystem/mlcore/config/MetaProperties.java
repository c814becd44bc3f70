package io.metasystem.mlcore.config;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Meta Marketing API connector settings, bound from the environment through {@code application.yml}
 * ({@code META_*}, {@code APPLY_*}). See docs/meta.md for the table. Bad values stop start-up with a message naming
 * the variable.
 *
 * @param accessToken          {@code META_ACCESS_TOKEN}; blank means no Graph API access (sync and live apply refuse)
 * @param adAccountId          {@code META_AD_ACCOUNT_ID}, optional default account (with or without {@code act_})
 * @param apiBase              {@code META_API_BASE}, e.g. {@code https://graph.facebook.com}
 * @param apiVersion           {@code META_API_VERSION}, e.g. {@code v23.0}
 * @param connectTimeout       {@code META_CONNECT_TIMEOUT}
 * @param readTimeout          {@code META_READ_TIMEOUT}
 * @param maxRetries           {@code META_MAX_RETRIES}: retries after the first attempt for 5xx, timeouts, rate limits
 * @param initialBackoff       {@code META_INITIAL_BACKOFF}: first wait, doubled per retry, with full jitter
 * @param maxBackoff           {@code META_MAX_BACKOFF}: longest single wait (also caps estimated_time_to_regain_access)
 * @param maxChangeRatio       {@code APPLY_MAX_CHANGE_RATIO}: largest relative budget change per ad set per UTC day
 * @param minDailyBudget       {@code APPLY_MIN_DAILY_BUDGET}: smallest budget set (currency per day); lower means pause
 * @param maxTotalDailyBudget  {@code APPLY_MAX_TOTAL_DAILY_BUDGET}: largest sum of a recommendation's budgets; null:
 * none
 * @param allowedAccounts      {@code APPLY_ALLOWED_ACCOUNTS}: comma-separated account ids apply may change; empty: none
 * @param maxRecommendationAge {@code APPLY_MAX_RECOMMENDATION_AGE_HOURS}: older recommendations are refused
 * @param maxDataAgeDays       {@code APPLY_MAX_DATA_AGE_DAYS}: recommendations whose newest insight day is more than
 * this
 *                             many days before today (UTC) are refused; 0: off
 * @param requireDataDate      {@code APPLY_REQUIRE_DATA_DATE}: also refuse recommendations computed without dated data
 */
@Validated
@ConfigurationProperties(prefix = "mlcore.meta")
public record MetaProperties(
        String accessToken,
        String adAccountId,

        @NotBlank @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
        String apiBase,

        @NotBlank @Pattern(regexp = "v\\d+\\.\\d+", message = "must look like v23.0")
        String apiVersion,

        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @Min(0) @Max(10) int maxRetries,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull @DecimalMin("0.0") BigDecimal maxChangeRatio,
        @NotNull @DecimalMin("0.0") BigDecimal minDailyBudget,
        BigDecimal maxTotalDailyBudget,
        List<String> allowedAccounts,
        @Min(1) int maxRecommendationAge,
        @DefaultValue("3") @Min(0) int maxDataAgeDays,
        @DefaultValue("false") boolean requireDataDate) {

    public MetaProperties {
        allowedAccounts = allowedAccounts == null
                ? List.of()
                : allowedAccounts.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(MetaProperties::bareAccount)
                        .toList();
        adAccountId = adAccountId == null || adAccountId.isBlank() ? null : bareAccount(adAccountId.strip());
        accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken.strip();
        if (apiBase != null && apiBase.endsWith("/")) {
            apiBase = apiBase.substring(0, apiBase.length() - 1);
        }
    }

    /**
     * Account id without surrounding blanks and the {@code act_} prefix, as the store keys it
     * ({@code store.AccountIds} is this rule); null stays null.
     */
    public static String bareAccount(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        return s.startsWith("act_") ? s.substring(4) : s;
    }

    public boolean hasToken() {
        return accessToken != null;
    }

    @Override
    public String toString() {
        return "MetaProperties[accessToken=" + (accessToken == null ? "<unset>" : "<redacted>") + ", adAccountId="
                + adAccountId + ", apiBase=" + apiBase + ", apiVersion=" + apiVersion + ", maxRetries=" + maxRetries
                + ", allowedAccounts=" + allowedAccounts + "]";
    }
}
