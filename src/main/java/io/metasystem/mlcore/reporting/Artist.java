package io.metasystem.mlcore.reporting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An artist whose music the ad accounts promote. An ad set belongs to the artist whose {@code campaignIds} holds its
 * campaign, else to the one artist that lists its account without naming campaigns ({@link ArtistStore#owners}).
 *
 * @param artistId           the caller's id, 1-64 letters, digits, '_', '.' or '-'
 * @param name               display name
 * @param adAccounts         Meta ad-account ids without {@code act_}, sorted
 * @param campaignIds        Meta campaign ids that promote this artist, sorted; empty: all unclaimed campaigns of the
 *                           accounts
 * @param spotifyArtistId    Spotify artist id, nullable
 * @param youtubeChannelId   YouTube channel id, nullable
 * @param createdAt          first PUT
 * @param updatedAt          last PUT
 */
public record Artist(
        String artistId,
        String name,
        List<String> adAccounts,
        List<String> campaignIds,
        String spotifyArtistId,
        String youtubeChannelId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
    public Artist {
        adAccounts = List.copyOf(adAccounts);
        campaignIds = List.copyOf(campaignIds);
    }
}
