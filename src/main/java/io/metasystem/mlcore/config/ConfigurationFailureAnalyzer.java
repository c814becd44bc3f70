package io.metasystem.mlcore.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns configuration failures into one line that names the environment variable, instead of Spring's
 * property path and stack trace. Values of secret variables are never echoed.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {
    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("server.port", "PORT"),
            Map.entry("mlcore.port", "PORT"),
            Map.entry("mlcore.dummy-mode", "DUMMY_MODE"),
            Map.entry("mlcore.api-key", "API_KEY"),
            Map.entry("mlcore.max-request-size", "MAX_REQUEST_SIZE"),
            Map.entry("mlcore.rate-limit.per-minute", "API_RATE_LIMIT_PER_MINUTE"),
            Map.entry("mlcore.rate-limit.auth-failures-per-minute", "API_AUTH_FAILURES_PER_MINUTE"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "SHUTDOWN_TIMEOUT"),
            Map.entry("mlcore.store.connection-timeout", "DATABASE_CONNECTION_TIMEOUT"),
            Map.entry("mlcore.store.database-url", "DATABASE_URL"),
            Map.entry("mlcore.store.max-import-size", "MAX_IMPORT_SIZE"),
            Map.entry("mlcore.meta.access-token", "META_ACCESS_TOKEN"),
            Map.entry("mlcore.meta.ad-account-id", "META_AD_ACCOUNT_ID"),
            Map.entry("mlcore.meta.api-base", "META_API_BASE"),
            Map.entry("mlcore.meta.api-version", "META_API_VERSION"),
            Map.entry("mlcore.meta.connect-timeout", "META_CONNECT_TIMEOUT"),
            Map.entry("mlcore.meta.read-timeout", "META_READ_TIMEOUT"),
            Map.entry("mlcore.meta.max-retries", "META_MAX_RETRIES"),
            Map.entry("mlcore.meta.initial-backoff", "META_INITIAL_BACKOFF"),
            Map.entry("mlcore.meta.max-backoff", "META_MAX_BACKOFF"),
            Map.entry("mlcore.meta.max-change-ratio", "APPLY_MAX_CHANGE_RATIO"),
            Map.entry("mlcore.meta.min-daily-budget", "APPLY_MIN_DAILY_BUDGET"),
            Map.entry("mlcore.meta.max-total-daily-budget", "APPLY_MAX_TOTAL_DAILY_BUDGET"),
            Map.entry("mlcore.meta.allowed-accounts", "APPLY_ALLOWED_ACCOUNTS"),
            Map.entry("mlcore.meta.max-recommendation-age", "APPLY_MAX_RECOMMENDATION_AGE_HOURS"),
            Map.entry("mlcore.meta.max-data-age-days", "APPLY_MAX_DATA_AGE_DAYS"),
            Map.entry("mlcore.recommendations.retention-days", "RECOMMENDATION_RETENTION_DAYS"),
            Map.entry("mlcore.meta.require-data-date", "APPLY_REQUIRE_DATA_DATE"),
            Map.entry("mlcore.meta.apply.claim-timeout", "APPLY_CLAIM_TIMEOUT"),
            Map.entry("mlcore.meta.sync.async-insights-days", "META_ASYNC_INSIGHTS_DAYS"),
            Map.entry("mlcore.meta.sync.async-poll-interval", "META_ASYNC_POLL_INTERVAL"),
            Map.entry("mlcore.meta.sync.async-timeout", "META_ASYNC_TIMEOUT"),
            Map.entry("mlcore.meta.sync.cron", "META_SYNC_CRON"),
            Map.entry("mlcore.meta.sync.accounts", "META_SYNC_ACCOUNTS"),
            Map.entry("mlcore.meta.sync.days", "META_SYNC_DAYS"),
            Map.entry("mlcore.webhooks.redelivery-interval", "WEBHOOK_REDELIVERY_INTERVAL"),
            Map.entry("mlcore.webhooks.secret", "WEBHOOK_SECRET"),
            Map.entry("mlcore.webhooks.n8n-url", "N8N_WEBHOOK_URL"),
            Map.entry("mlcore.webhooks.tolerance", "WEBHOOK_TOLERANCE"),
            Map.entry("mlcore.webhooks.max-attempts", "WEBHOOK_MAX_ATTEMPTS"),
            Map.entry("mlcore.webhooks.initial-backoff", "WEBHOOK_INITIAL_BACKOFF"));
    private static final Set<String> SECRETS = Set.of("API_KEY", "DATABASE_URL", "META_ACCESS_TOKEN", "WEBHOOK_SECRET");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return analysis("Invalid configuration: " + invalid.getMessage(), invalid.variable());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return analysis("Invalid configuration: " + invalid.getMessage(), invalid.variable());
            }
            if (t instanceof IllegalArgumentException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("Unknown format '")) {
                return analysis(
                        "Invalid configuration: LOG_FORMAT must be ecs, logstash, gelf or empty (plain text)",
                        "LOG_FORMAT");
            }
            if (t instanceof BindValidationException validation) {
                String message = validation.getValidationErrors().getAllErrors().stream()
                        .map(error -> error instanceof FieldError field
                                ? variableOf(validation.getValidationErrors().getName() + "." + field.getField()) + " "
                                        + field.getDefaultMessage()
                                : error.getDefaultMessage())
                        .findFirst()
                        .orElse("is not valid");
                String variable = message.split(" ", 2)[0];
                return analysis("Invalid configuration: " + message, variable);
            }
            String property = t instanceof BindException bind
                    ? bind.getName().toString()
                    : t instanceof InvalidConfigurationPropertyValueException invalidValue
                            ? invalidValue.getName()
                            : null;
            if (property != null && !(t.getCause() instanceof BindValidationException)) {
                String variable = variableOf(property);
                String raw = System.getenv(variable);
                String value = raw == null || SECRETS.contains(variable) ? "" : "='" + raw + "'";
                return analysis(
                        "Invalid configuration: " + variable + value + " is not a valid value" + expected(variable),
                        variable);
            }
        }
        return null;
    }

    private static String variableOf(String property) {
        String kebab = property.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return VARIABLES.getOrDefault(kebab, property);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String expected(String variable) {
        return switch (variable) {
            case "PORT" -> " (expected a port number 0-65535)";
            case "DUMMY_MODE" -> " (expected true or false)";
            case "MAX_REQUEST_SIZE" -> " (expected a size such as 5MB)";
            case "MAX_IMPORT_SIZE" -> " (expected a size such as 50MB)";
            case "META_CONNECT_TIMEOUT",
                    "META_READ_TIMEOUT",
                    "META_INITIAL_BACKOFF",
                    "META_MAX_BACKOFF",
                    "WEBHOOK_TOLERANCE",
                    "WEBHOOK_INITIAL_BACKOFF",
                    "WEBHOOK_REDELIVERY_INTERVAL",
                    "META_ASYNC_POLL_INTERVAL",
                    "META_ASYNC_TIMEOUT",
                    "SHUTDOWN_TIMEOUT",
                    "DATABASE_CONNECTION_TIMEOUT",
                    "APPLY_CLAIM_TIMEOUT" -> " (expected a duration such as 30s or 500ms)";
            case "META_MAX_RETRIES",
                    "APPLY_MAX_RECOMMENDATION_AGE_HOURS",
                    "WEBHOOK_MAX_ATTEMPTS",
                    "APPLY_MAX_DATA_AGE_DAYS",
                    "META_ASYNC_INSIGHTS_DAYS",
                    "META_SYNC_DAYS",
                    "API_RATE_LIMIT_PER_MINUTE",
                    "API_AUTH_FAILURES_PER_MINUTE" -> " (expected a whole number)";
            case "APPLY_REQUIRE_DATA_DATE" -> " (expected true or false)";
            case "APPLY_MAX_CHANGE_RATIO", "APPLY_MIN_DAILY_BUDGET", "APPLY_MAX_TOTAL_DAILY_BUDGET" ->
                " (expected a number)";
            default -> "";
        };
    }

    private static FailureAnalysis analysis(String description, String variable) {
        return new FailureAnalysis(description, "Fix the environment variable " + variable + " and start again.", null);
    }
}
