package io.metasystem.mlcore.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.unit.DataSize;

import static io.metasystem.mlcore.config.StartupFailures.startWith;
import static org.assertj.core.api.Assertions.assertThat;

class StartupConfigurationTest {

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
        ApiKeyHolder holder = new ApiKeyHolder(new MlCoreProperties("", true, DataSize.ofMegabytes(5), 8000, null));
        assertThat(holder.matches("")).isFalse();
        assertThat(holder.matches(null)).isFalse();
    }

    @Test
    void comparesConfiguredKeyExactly() {
        ApiKeyHolder holder =
                new ApiKeyHolder(new MlCoreProperties("0123456789abcdef", false, DataSize.ofMegabytes(5), 8000, null));
        assertThat(holder.matches("0123456789abcdef")).isTrue();
        assertThat(holder.matches("0123456789abcdeF")).isFalse();
        assertThat(holder.matches("0123456789abcde")).isFalse();
    }

    @Test
    void propertiesNeverPrintTheKey() {
        MlCoreProperties properties =
                new MlCoreProperties("secret-secret-secret", false, DataSize.ofMegabytes(5), 8000, null);
        assertThat(properties.toString()).doesNotContain("secret-secret-secret");
    }
}
