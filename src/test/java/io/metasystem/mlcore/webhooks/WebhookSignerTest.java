package io.metasystem.mlcore.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {
    private static final String SECRET = "whsec-0123456789abcdef";

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
        String signature = WebhookSigner.sign(SECRET, "1700000000", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("sha256=" + OpenSslVector.EXPECTED);
    }

    @Test
    void matchesOnlyTheSameBodyAndTimestamp() {
        byte[] body = "{\"action\":\"sync\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigner.sign(SECRET, "1700000000", body);
        assertThat(WebhookSigner.matches(SECRET, "1700000000", body, signature)).isTrue();
        assertThat(WebhookSigner.matches(
                        SECRET, "1700000000", body, signature.toUpperCase().replace("SHA256", "sha256")))
                .isTrue();
        assertThat(WebhookSigner.matches(SECRET, "1700000001", body, signature)).isFalse();
        assertThat(WebhookSigner.matches(
                        SECRET, "1700000000", "{\"action\":\"apply\"}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(WebhookSigner.matches("another-secret-0000", "1700000000", body, signature))
                .isFalse();
        assertThat(WebhookSigner.matches(SECRET, "1700000000", body, null)).isFalse();
    }

    private static final class OpenSslVector {
        static final String EXPECTED = "d77c78ac4da074c56908b55eac30358b2a7bfc573be4c76819af5102e8dcf939";
    }
}
