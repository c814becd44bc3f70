package io.metasystem.mlcore.config;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API_KEY rotation and API_KEYS_READONLY: who gets which access, and which settings stop start-up. */
class ApiKeyHolderTest {
    private static final String OLD = "old-key-0123456789abcdef";
    private static final String NEW = "new-key-0123456789abcdef";
    private static final String VIEWER = "viewer-0123456789abcdef";

    private static ApiKeyHolder holder(String apiKey, String readOnly) {
        return new ApiKeyHolder(new MlCoreProperties(apiKey, false, DataSize.ofMegabytes(5), 8000, readOnly));
    }

    @Test
    void twoCommaSeparatedKeysBothGiveFullAccessAndReadOnlyKeysReadOnly() {
        ApiKeyHolder keys = holder(OLD + ", " + NEW, VIEWER + ",other-viewer-0123456789");
        assertThat(keys.access(OLD)).isEqualTo(ApiKeyHolder.Access.FULL);
        assertThat(keys.access(NEW)).isEqualTo(ApiKeyHolder.Access.FULL);
        assertThat(keys.access(VIEWER)).isEqualTo(ApiKeyHolder.Access.READ_ONLY);
        assertThat(keys.access("other-viewer-0123456789")).isEqualTo(ApiKeyHolder.Access.READ_ONLY);
        assertThat(keys.access(OLD + "x")).isEqualTo(ApiKeyHolder.Access.NONE);
        assertThat(keys.access(null)).isEqualTo(ApiKeyHolder.Access.NONE);
        assertThat(keys.matches(VIEWER)).as("matches() is full access only").isFalse();
        assertThat(keys.matches(NEW)).isTrue();
    }

    @Test
    void shortKeysThreeApiKeysAndAReadOnlyKeyRepeatingAnApiKeyStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> holder(OLD + ",short", null)).hasMessageContaining("API_KEY");
        assertThatThrownBy(() -> holder(OLD + "," + NEW + ",third-key-0123456789abc", null))
                .hasMessageContaining("API_KEY")
                .hasMessageContaining("at most 2");
        assertThatThrownBy(() -> holder(OLD, "short")).hasMessageContaining("API_KEYS_READONLY");
        assertThatThrownBy(() -> holder(OLD, OLD)).hasMessageContaining("API_KEYS_READONLY");
    }

    @Test
    void noKeyLeaksThroughTheSettingsToString() {
        String text = new MlCoreProperties(OLD, false, DataSize.ofMegabytes(5), 8000, VIEWER).toString();
        assertThat(text).doesNotContain(OLD).doesNotContain(VIEWER);
    }
}
