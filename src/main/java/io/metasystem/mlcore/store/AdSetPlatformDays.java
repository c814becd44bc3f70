package io.metasystem.mlcore.store;

import java.time.LocalDate;
import java.util.Map;

/**
 * The daily platform metrics (Spotify for Artists, YouTube) of the artist each ad set promotes, for the {@code ml}
 * data sets and serving features. Implemented by {@code reporting} (the ad set → artist rule lives there); a port in
 * {@code store} so that {@code ml} and {@code recommendation} read it without depending on {@code reporting}.
 */
public interface AdSetPlatformDays {
    /**
     * One artist day as imported.
     *
     * @param streams           Spotify streams that day, nullable (not imported)
     * @param followersGained   Spotify followers gained that day (derived from the cumulative export), nullable
     * @param youtubeViews      YouTube views that day (Studio CSV or Analytics API), nullable (not imported)
     * @param subscribersGained YouTube subscribers gained that day, nullable
     */
    record Day(Long streams, Long followersGained, Long youtubeViews, Long subscribersGained) {
        /** A Spotify-only day (no YouTube day imported). */
        public Day(Long streams, Long followersGained) {
            this(streams, followersGained, null, null);
        }
    }

    /**
     * @param accountId account without {@code act_}, or null for every account
     * @param from      first day, inclusive
     * @param to        last day, inclusive
     * @return {@code "<account>|<adset>"} → day → the metrics of the ad set's artist; ad sets without an artist (or
     *     whose artist has no imported day in the range) are absent
     */
    Map<String, Map<LocalDate, Day>> byAdSet(String accountId, LocalDate from, LocalDate to);
}
