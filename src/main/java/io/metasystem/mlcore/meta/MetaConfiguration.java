package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.config.WebhookProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Graph API client and checks, at start-up, the combinations of settings that cannot work in production.
 */
@Configuration(proxyBeanMethods = false)
class MetaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GraphApiClient.Sleeper graphSleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    @Bean
    GraphApiClient graphApiClient(
            MetaProperties meta, WebhookProperties webhooks, MlCoreProperties core, GraphApiClient.Sleeper sleeper) {
        check(meta, webhooks, core);
        return new GraphApiClient(meta, sleeper);
    }

    static void check(MetaProperties meta, WebhookProperties webhooks, MlCoreProperties core) {
        if (meta.maxBackoff().compareTo(meta.initialBackoff()) < 0) {
            throw new InvalidConfigurationException(
                    "META_MAX_BACKOFF", "must not be shorter than META_INITIAL_BACKOFF");
        }
        if (meta.apiBase().contains("?") || meta.apiBase().contains("access_token")) {
            throw new InvalidConfigurationException("META_API_BASE", "must be a base URL without a query string");
        }
        if (!core.dummyMode() && !meta.allowedAccounts().isEmpty() && !meta.hasToken()) {
            throw new InvalidConfigurationException(
                    "META_ACCESS_TOKEN", "is required when DUMMY_MODE=false and APPLY_ALLOWED_ACCOUNTS is set");
        }
        if (!core.dummyMode() && webhooks.n8nUrl() != null && webhooks.secret() == null) {
            throw new InvalidConfigurationException(
                    "WEBHOOK_SECRET",
                    "is required when DUMMY_MODE=false and N8N_WEBHOOK_URL is set (outbound events are signed)");
        }
    }
}
