package io.metasystem.mlcore.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Holds the API keys and checks presented keys in constant time: {@code API_KEY} (one key, or two comma-separated
 * ones so a key can be rotated without downtime) and {@code API_KEYS_READONLY} (comma-separated keys for GET and
 * HEAD only). Only SHA-256 digests are kept; a presented key is hashed and compared with every configured digest by
 * {@link MessageDigest#isEqual}, so the time depends neither on where keys differ nor on which one matched. With no
 * {@code API_KEY} in dummy mode a random key is generated and printed once (like a notebook token), so a first local
 * run works without set-up; outside dummy mode a missing key stops start-up.
 */
@Component
public class ApiKeyHolder {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyHolder.class);
    private static final int MIN_LENGTH = 16;
    private static final int MAX_FULL_KEYS = 2;
    private static final int HASH_BYTES = 8;

    /** What a presented key may do. */
    public enum Access {
        /** Every route. */
        FULL,
        /** GET and HEAD routes only. */
        READ_ONLY,
        /** Not a configured key. */
        NONE
    }

    private final List<byte[]> fullDigests = new ArrayList<>();
    private final List<byte[]> readOnlyDigests = new ArrayList<>();

    /**
     * @throws InvalidConfigurationException naming {@code API_KEY} or {@code API_KEYS_READONLY} for a missing key
     *     outside dummy mode, a key shorter than 16 characters, more than two API keys or a key in both lists
     */
    public ApiKeyHolder(MlCoreProperties properties) {
        List<String> full = split(properties.apiKey());
        if (full.isEmpty()) {
            if (!properties.dummyMode()) {
                throw new InvalidConfigurationException(
                        "API_KEY",
                        "is required when DUMMY_MODE=false (set a random string of at least " + MIN_LENGTH
                                + " characters)");
            }
            String key = generate();
            // Printed once, on purpose: the only way a first local run can learn its generated key.
            log.warn("API_KEY is not set; generated a key for this run (dummy mode only): {}", key);
            full = List.of(key);
        }
        if (full.size() > MAX_FULL_KEYS) {
            throw new InvalidConfigurationException(
                    "API_KEY",
                    "holds at most " + MAX_FULL_KEYS + " comma-separated keys (old,new), got " + full.size());
        }
        for (String key : full) {
            if (key.length() < MIN_LENGTH) {
                throw new InvalidConfigurationException(
                        "API_KEY", "must be at least " + MIN_LENGTH + " characters long (each key)");
            }
            fullDigests.add(sha256(key));
        }
        for (String key : split(properties.apiKeysReadonly())) {
            if (key.length() < MIN_LENGTH) {
                throw new InvalidConfigurationException(
                        "API_KEYS_READONLY", "each key must be at least " + MIN_LENGTH + " characters long");
            }
            if (full.contains(key)) {
                throw new InvalidConfigurationException("API_KEYS_READONLY", "must not repeat a key of API_KEY");
            }
            readOnlyDigests.add(sha256(key));
        }
    }

    /** True when {@code presented} is a full-access key ({@code API_KEY}); in constant time per configured key. */
    public boolean matches(String presented) {
        return access(presented) == Access.FULL;
    }

    /** What {@code presented} may do; compares with every configured key, in constant time per key. */
    public Access access(String presented) {
        return identify(presented).access();
    }

    /**
     * What {@code presented} may do and which configured key it is, as a hash (never the key): the first 16 hex
     * digits of its SHA-256 digest, for per-key state such as rate limits. Compares with every configured key, in
     * constant time per key.
     *
     * @return the access and, unless it is {@link Access#NONE}, the key's hash; for {@code NONE} the hash is null
     */
    public Identity identify(String presented) {
        if (presented == null) {
            return Identity.NONE;
        }
        byte[] digest = sha256(presented.strip());
        boolean full = false;
        boolean readOnly = false;
        for (byte[] d : fullDigests) {
            full |= MessageDigest.isEqual(d, digest);
        }
        for (byte[] d : readOnlyDigests) {
            readOnly |= MessageDigest.isEqual(d, digest);
        }
        if (!full && !readOnly) {
            return Identity.NONE;
        }
        String hash = HexFormat.of().formatHex(digest, 0, HASH_BYTES);
        return new Identity(full ? Access.FULL : Access.READ_ONLY, hash);
    }

    /**
     * A presented key's access and hash.
     *
     * @param access what the key may do
     * @param hash   16 hex digits of the key's SHA-256 digest (a configured key's stable identity); null for
     *               {@link Access#NONE}
     */
    public record Identity(Access access, String hash) {
        static final Identity NONE = new Identity(Access.NONE, null);
    }

    private static List<String> split(String value) {
        List<String> keys = new ArrayList<>();
        if (value == null) {
            return keys;
        }
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                keys.add(part.strip());
            }
        }
        return keys;
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
