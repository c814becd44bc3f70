package io.metasystem.mlcore.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Service settings, bound from environment variables through {@code application.yml}
 * ({@code API_KEY}, {@code DUMMY_MODE}, {@code MAX_REQUEST_SIZE}). Bad values stop start-up with a message
 * naming the variable (see {@link ConfigurationFailureAnalyzer}).
 *
 * @param apiKey         shared secret for {@code /api/**}, or two comma-separated ones during a rotation; blank means
 *                       "none configured"
 * @param dummyMode      when true nothing leaves the service (Meta writes and webhooks become dry runs)
 * @param maxRequestSize largest accepted request body; larger bodies get 413
 * @param port           HTTP port ({@code PORT}), checked here because the web server would fail with a stack trace
 * @param apiKeysReadonly comma-separated read-only keys ({@code API_KEYS_READONLY}): GET and HEAD only; null or
 *                       blank: none
 */
@Validated
@ConfigurationProperties(prefix = "mlcore")
public record MlCoreProperties(
        String apiKey,
        boolean dummyMode,
        @NotNull DataSize maxRequestSize,
        @Min(0) @Max(65535) int port,
        String apiKeysReadonly) {

    @Override
    public String toString() {
        // Never let the key reach a log line through toString().
        return "MlCoreProperties[apiKey=" + (apiKey == null || apiKey.isBlank() ? "<unset>" : "<redacted>")
                + ", apiKeysReadonly="
                + (apiKeysReadonly == null || apiKeysReadonly.isBlank() ? "<unset>" : "<redacted>")
                + ", dummyMode=" + dummyMode + ", maxRequestSize=" + maxRequestSize + ", port=" + port + "]";
    }
}
