package io.metasystem.mlcore.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an alert is about: one fingerprint's parts, as Alertmanager's label set.
 *
 * @param accountId canonical account id (without {@code act_})
 * @param adsetId   an ad set id, {@code account_total}, or {@code -} for account-level alerts
 * @param metric    wire name of the metric
 * @param kind      wire name of the kind
 */
record AlertKey(String accountId, String adsetId, String metric, String kind) {
    /** 16 hex digits of the SHA-256 of the four parts (NUL-separated): stable across scans and replicas. */
    String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "\u0000" + adsetId + "\u0000" + metric + "\u0000" + kind)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
