package io.metasystem.mlcore.alerts;

/**
 * What a new silence matches: every non-null matcher must equal the alert's (at least one is given).
 *
 * @param accountId nullable: any account (with or without {@code act_})
 * @param adsetId   nullable: any ad set
 * @param metric    nullable: any metric
 * @param kind      nullable: any kind
 */
public record SilenceMatchers(String accountId, String adsetId, String metric, String kind) {
    /** Whether no matcher is given (such a silence would mute everything). */
    boolean none() {
        return accountId == null && adsetId == null && metric == null && kind == null;
    }
}
