package io.metasystem.mlcore.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Holds the API key and checks presented keys in constant time. With no {@code API_KEY} in dummy mode a random
 * key is generated and printed once (like a notebook token), so a first local run works without set-up;
 * outside dummy mode a missing key stops start-up.
 */
@Component
public class ApiKeyHolder {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyHolder.class);
    private static final int MIN_LENGTH = 16;

    private final byte[] keyDigest;

    public ApiKeyHolder(MlCoreProperties properties) {
        String key = properties.apiKey();
        if (key == null || key.isBlank()) {
            if (!properties.dummyMode()) {
                throw new InvalidConfigurationException(
                        "API_KEY",
                        "is required when DUMMY_MODE=false (set a random string of at least " + MIN_LENGTH
                                + " characters)");
            }
            key = generate();
            // Printed once, on purpose: the only way a first local run can learn its generated key.
            log.warn("API_KEY is not set; generated a key for this run (dummy mode only): {}", key);
        } else if (key.strip().length() < MIN_LENGTH) {
            throw new InvalidConfigurationException("API_KEY", "must be at least " + MIN_LENGTH + " characters long");
        }
        this.keyDigest = sha256(key.strip());
    }

    /** True when {@code presented} is the configured key; time does not depend on where they differ. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(keyDigest, sha256(presented.strip()));
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
