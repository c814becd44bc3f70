package io.metasystem.mlcore.store;

/**
 * Published (as a Spring application event, after the import's transaction commits) when a platform import or sync
 * changed an artist's stored days: {@code ml} can retrain on the store's data set, which joins these days.
 *
 * @param artistId the artist
 * @param kind     {@code spotify_timeline}, {@code spotify_songs} or {@code youtube_daily}
 * @param source   {@code csv} or {@code api}
 * @param changed  days (or songs) inserted or updated, &gt; 0
 */
public record PlatformDataChanged(String artistId, String kind, String source, long changed) {}
