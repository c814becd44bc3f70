package io.metasystem.mlcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.metasystem.mlcore.MlCoreApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Invalid Meta / webhook settings stop start-up with a message naming the environment variable. */
class MetaStartupConfigurationTest {

    private static FailureAnalysis startWith(String... properties) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("mlcore.port", "0");
        settings.put("mlcore.api-key", "test-key-0123456789abcdef");
        settings.put("logging.structured.format.console", "");
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(MlCoreApplication.class).run(args).close());
        assertThat(failure).as("start-up should fail").isNotNull();
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure is analysed: " + failure).isNotNull();
        return analysis;
    }

    @Test
    void namesMetaApiVersion() {
        assertThat(startWith("mlcore.meta.api-version=23").getDescription()).contains("META_API_VERSION");
    }

    @Test
    void namesMetaApiBase() {
        assertThat(startWith("mlcore.meta.api-base=graph.facebook.com").getDescription()).contains("META_API_BASE");
    }

    @Test
    void namesMaxRetriesWithoutEchoingSecrets() {
        FailureAnalysis analysis = startWith("mlcore.meta.max-retries=many", "mlcore.meta.access-token=EAAB-secret");
        assertThat(analysis.getDescription()).contains("META_MAX_RETRIES").doesNotContain("EAAB-secret");
    }

    @Test
    void namesTheChangeRatio() {
        assertThat(startWith("mlcore.meta.max-change-ratio=-1").getDescription()).contains("APPLY_MAX_CHANGE_RATIO");
    }

    @Test
    void namesAShortWebhookSecret() {
        FailureAnalysis analysis = startWith("mlcore.webhooks.secret=short");
        assertThat(analysis.getDescription()).contains("WEBHOOK_SECRET").doesNotContain("short ");
    }

    @Test
    void requiresASecretForOutboundWebhooksInProduction() {
        FailureAnalysis analysis = startWith("mlcore.dummy-mode=false", "mlcore.webhooks.n8n-url=https://n8n.example/webhook/ml-core");
        assertThat(analysis.getDescription()).contains("WEBHOOK_SECRET").contains("N8N_WEBHOOK_URL");
    }

    @Test
    void requiresATokenWhenApplyIsAllowedInProduction() {
        FailureAnalysis analysis = startWith("mlcore.dummy-mode=false", "mlcore.meta.allowed-accounts=123");
        assertThat(analysis.getDescription()).contains("META_ACCESS_TOKEN");
    }

    @Test
    void namesAnInvalidWebhookUrl() {
        assertThat(startWith("mlcore.webhooks.n8n-url=not a url").getDescription()).contains("N8N_WEBHOOK_URL");
    }
}
