package io.metasystem.mlcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.metasystem.mlcore.MlCoreApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartupConfigurationTest {

    private static FailureAnalysis startWith(String... properties) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("mlcore.port", "0");
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
    void refusesToStartWithoutKeyOutsideDummyMode() {
        FailureAnalysis analysis = startWith("mlcore.dummy-mode=false", "mlcore.api-key=");
        assertThat(analysis.getDescription()).contains("API_KEY").contains("DUMMY_MODE=false");
    }

    @Test
    void refusesAShortKey() {
        FailureAnalysis analysis = startWith("mlcore.api-key=short");
        assertThat(analysis.getDescription()).contains("API_KEY").doesNotContain("short");
    }

    @Test
    void namesPortWhenItIsOutOfRange() {
        FailureAnalysis analysis = startWith("mlcore.port=70000");
        assertThat(analysis.getDescription()).startsWith("Invalid configuration: PORT");
    }

    @Test
    void namesDummyModeWhenItIsNotABoolean() {
        FailureAnalysis analysis = startWith("mlcore.dummy-mode=maybe");
        assertThat(analysis.getDescription()).contains("DUMMY_MODE");
    }

    @Test
    void namesLogFormatWhenItIsUnknown() {
        FailureAnalysis analysis = startWith("logging.structured.format.console=xml");
        assertThat(analysis.getDescription()).contains("LOG_FORMAT");
    }

    @Test
    void generatedKeyInDummyModeIsNeverEqualToABlankKey() {
        ApiKeyHolder holder = new ApiKeyHolder(new MlCoreProperties("", true,
                org.springframework.util.unit.DataSize.ofMegabytes(5), 8000));
        assertThat(holder.matches("")).isFalse();
        assertThat(holder.matches(null)).isFalse();
    }

    @Test
    void comparesConfiguredKeyExactly() {
        ApiKeyHolder holder = new ApiKeyHolder(new MlCoreProperties("0123456789abcdef", false,
                org.springframework.util.unit.DataSize.ofMegabytes(5), 8000));
        assertThat(holder.matches("0123456789abcdef")).isTrue();
        assertThat(holder.matches("0123456789abcdeF")).isFalse();
        assertThat(holder.matches("0123456789abcde")).isFalse();
    }

    @Test
    void propertiesNeverPrintTheKey() {
        MlCoreProperties properties = new MlCoreProperties("secret-secret-secret", false,
                org.springframework.util.unit.DataSize.ofMegabytes(5), 8000);
        assertThat(properties.toString()).doesNotContain("secret-secret-secret");
    }
}
