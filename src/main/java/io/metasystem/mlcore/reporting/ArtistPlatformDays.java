package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.store.AdSetPlatformDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code ml} data sets' view of the platform days: each ad set gets the Spotify days (streams, followers gained)
 * and YouTube days (views, subscribers gained) of the artist it promotes, by {@link ArtistStore#artistOfEveryAdSet}
 * (campaign, else account). A day imported on one platform only has the other platform's values null.
 */
@Component
class ArtistPlatformDays implements AdSetPlatformDays {
    private final JdbcClient jdbc;
    private final ArtistStore artists;

    ArtistPlatformDays(JdbcClient jdbc, ArtistStore artists) {
        this.jdbc = jdbc;
        this.artists = artists;
    }

    @Override
    public Map<String, Map<LocalDate, Day>> byAdSet(String accountId, LocalDate from, LocalDate to) {
        Map<String, String> owners = artists.artistOfEveryAdSet();
        Map<String, Map<LocalDate, Day>> byArtist = new HashMap<>();
        jdbc.sql("select artist_id, metric_date, streams, followers_gained from artist_spotify_day "
                        + "where metric_date between :from and :to")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> byArtist.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(
                                rs.getObject(2, LocalDate.class),
                                new Day(rs.getObject(3, Long.class), rs.getObject(4, Long.class))))
                .list();
        jdbc.sql("select artist_id, metric_date, views, subscribers_gained from artist_youtube_day "
                        + "where metric_date between :from and :to")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> byArtist.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .merge(
                                rs.getObject(2, LocalDate.class),
                                new Day(null, null, rs.getObject(3, Long.class), rs.getObject(4, Long.class)),
                                (spotify, youtube) -> new Day(
                                        spotify.streams(),
                                        spotify.followersGained(),
                                        youtube.youtubeViews(),
                                        youtube.subscribersGained())))
                .list();
        Map<String, Map<LocalDate, Day>> out = new HashMap<>();
        owners.forEach((adSet, artist) -> {
            Map<LocalDate, Day> days = byArtist.get(artist);
            if (days != null && (accountId == null || adSet.startsWith(accountId + "|"))) {
                out.put(adSet, Map.copyOf(days));
            }
        });
        return out;
    }
}
