package io.metasystem.mlcore.reporting;

import java.util.List;

/**
 * What a PUT of an artist says (already validated by the caller).
 *
 * @param name             display name, not blank
 * @param adAccounts       at least one account id, without {@code act_}
 * @param campaignIds      campaign ids, possibly empty
 * @param spotifyArtistId  nullable
 * @param youtubeChannelId nullable
 */
public record ArtistSpec(
        String name,
        List<String> adAccounts,
        List<String> campaignIds,
        String spotifyArtistId,
        String youtubeChannelId) {
    public ArtistSpec {
        adAccounts = adAccounts.stream().distinct().sorted().toList();
        campaignIds = campaignIds.stream().distinct().sorted().toList();
    }
}
