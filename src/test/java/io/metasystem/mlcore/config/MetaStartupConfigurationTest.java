package io.metasystem.mlcore.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static io.metasystem.mlcore.config.StartupFailures.startWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Invalid Meta / webhook settings stop start-up with a message naming the environment variable. */
class MetaStartupConfigurationTest {

    @Test
    void namesMetaApiVersion() {
        assertThat(startWith("mlcore.meta.api-version=23").getDescription()).contains("META_API_VERSION");
    }

    @Test
    void namesMetaApiBase() {
        assertThat(startWith("mlcore.meta.api-base=graph.facebook.com").getDescription())
                .contains("META_API_BASE");
    }

    @Test
    void namesMaxRetriesWithoutEchoingSecrets() {
        FailureAnalysis analysis = startWith("mlcore.meta.max-retries=many", "mlcore.meta.access-token=EAAB-secret");
        assertThat(analysis.getDescription()).contains("META_MAX_RETRIES").doesNotContain("EAAB-secret");
    }

    @Test
    void namesTheChangeRatio() {
        assertThat(startWith("mlcore.meta.max-change-ratio=-1").getDescription())
                .contains("APPLY_MAX_CHANGE_RATIO");
    }

    @Test
    void namesAShortWebhookSecret() {
        FailureAnalysis analysis = startWith("mlcore.webhooks.secret=short");
        assertThat(analysis.getDescription()).contains("WEBHOOK_SECRET").doesNotContain("short ");
    }

    @Test
    void requiresASecretForOutboundWebhooksInProduction() {
        FailureAnalysis analysis =
                startWith("mlcore.dummy-mode=false", "mlcore.webhooks.n8n-url=https://n8n.example/webhook/ml-core");
        assertThat(analysis.getDescription()).contains("WEBHOOK_SECRET").contains("N8N_WEBHOOK_URL");
    }

    @Test
    void requiresATokenWhenApplyIsAllowedInProduction() {
        FailureAnalysis analysis = startWith("mlcore.dummy-mode=false", "mlcore.meta.allowed-accounts=123");
        assertThat(analysis.getDescription()).contains("META_ACCESS_TOKEN");
    }

    @Test
    void namesAnInvalidWebhookUrl() {
        assertThat(startWith("mlcore.webhooks.n8n-url=not a url").getDescription())
                .contains("N8N_WEBHOOK_URL");
    }

    @Test
    void namesAnInvalidSyncCron() {
        assertThat(startWith("mlcore.meta.sync.cron=every day", "mlcore.meta.sync.accounts=123")
                        .getDescription())
                .contains("META_SYNC_CRON");
    }

    @Test
    void aSyncCronNeedsAccountsAndAToken() {
        assertThat(startWith("mlcore.meta.sync.cron=0 0 4 * * *").getDescription())
                .contains("META_SYNC_ACCOUNTS");
        assertThat(startWith("mlcore.meta.sync.cron=0 0 4 * * *", "mlcore.meta.sync.accounts=act_123")
                        .getDescription())
                .contains("META_ACCESS_TOKEN")
                .contains("META_SYNC_CRON");
    }

    @Test
    void namesInvalidSyncAccountsAndDays() {
        assertThat(startWith("mlcore.meta.sync.accounts=act_1,not an id").getDescription())
                .contains("META_SYNC_ACCOUNTS");
        assertThat(startWith("mlcore.meta.sync.days=0").getDescription()).contains("META_SYNC_DAYS");
    }

    @Test
    void namesInvalidAsyncInsightSettings() {
        assertThat(startWith("mlcore.meta.sync.async-insights-days=-1").getDescription())
                .contains("META_ASYNC_INSIGHTS_DAYS");
        assertThat(startWith("mlcore.meta.sync.async-poll-interval=soon").getDescription())
                .contains("META_ASYNC_POLL_INTERVAL");
        assertThat(startWith("mlcore.meta.sync.async-timeout=1ms").getDescription())
                .contains("META_ASYNC_TIMEOUT");
    }

    @Test
    void namesInvalidGuardrailAndRedeliverySettings() {
        assertThat(startWith("mlcore.meta.max-data-age-days=-2").getDescription())
                .contains("APPLY_MAX_DATA_AGE_DAYS");
        assertThat(startWith("mlcore.webhooks.redelivery-interval=10ms").getDescription())
                .contains("WEBHOOK_REDELIVERY_INTERVAL");
    }
}
