package io.metasystem.mlcore.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * HMAC-SHA256 webhook signatures: {@code X-Signature: sha256=<hex of HMAC(secret, timestamp + "." + body)>} with
 * {@code X-Timestamp: <unix seconds>}. The same scheme signs inbound (n8n → ML Core) and outbound events.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String ID_HEADER = "X-Webhook-Id";
    private static final String PREFIX = "sha256=";

    private WebhookSigner() {}

    /** {@code sha256=<lower-case hex>} over {@code timestamp + "." + body}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    /** True when {@code presented} is the signature of this timestamp and body; constant time in the content. */
    public static boolean matches(String secret, String timestamp, byte[] body, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = presented.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
