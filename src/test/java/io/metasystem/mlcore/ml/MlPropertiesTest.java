package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlPropertiesTest {
    @Test
    void invalidSettingsNameTheirVariable() {
        assertThatThrownBy(() -> new MlProperties("d", 1.0, "-", "f", "s", "csv", null, null, 600))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("[0, 1)")
                .extracting(e -> ((InvalidConfigurationException) e).variable())
                .isEqualTo("ML_PROMOTION_MARGIN");
        assertThatThrownBy(() -> new MlProperties("d", 0.01, "every day", "f", "s", "csv", null, null, 600))
                .isInstanceOf(InvalidConfigurationException.class)
                .extracting(e -> ((InvalidConfigurationException) e).variable())
                .isEqualTo("ML_RETRAIN_CRON");
        assertThat(new MlProperties("d", 0.01, "0 0 3 * * *", "f", "s", "csv", null, null, 600).retrainCron())
                .isEqualTo("0 0 3 * * *");
        assertThatThrownBy(() -> new MlProperties("d", 0.01, "-", "f", "s", "files", null, null, 600))
                .extracting(e -> ((InvalidConfigurationException) e).variable())
                .isEqualTo("ML_RETRAIN_SOURCE");
        assertThatThrownBy(() -> new MlProperties("d", 0.01, "-", "f", "s", "csv", null, null, 0))
                .extracting(e -> ((InvalidConfigurationException) e).variable())
                .isEqualTo("ML_MAX_ROUNDS");
        MlProperties store = new MlProperties("d", 0.01, "-", "f", "s", " STORE ", " ", "", 600);
        assertThat(store.retrainSource()).isEqualTo("store");
        assertThat(store.retrainAccount()).isNull();
        assertThat(store.defaultScope()).isNull();
    }
}
