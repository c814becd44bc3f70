package io.metasystem.mlcore.alerts;

import java.time.OffsetDateTime;

/**
 * Mutes notifications of the alerts matching every non-null matcher while {@code startsAt <= now < endsAt}.
 *
 * @param accountId nullable: any account
 * @param adsetId   nullable: any ad set
 * @param metric    nullable: any metric
 * @param kind      nullable: any kind
 * @param createdBy nullable
 */
public record Silence(
        String id,
        String accountId,
        String adsetId,
        String metric,
        String kind,
        String comment,
        String createdBy,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        OffsetDateTime createdAt) {

    /** Whether the silence is in force at {@code now}. */
    public boolean active(OffsetDateTime now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    boolean matches(Alert a) {
        return (accountId == null || accountId.equals(a.accountId()))
                && (adsetId == null || adsetId.equals(a.adsetId()))
                && (metric == null || metric.equals(a.metric()))
                && (kind == null || kind.equals(a.kind()));
    }
}
