package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetDay;
import io.metasystem.mlcore.store.AdSetPlatformDays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The artists' platform features of the store's data set (Spotify streams and followers gained, YouTube views and
 * subscribers gained): the mean of the artist's days d−13..d−7 (brute force, on seeded random series with gaps),
 * missing without an imported day there, absent from a window without artists, each platform's pair present only
 * when some ad set's artist has that platform's days, and the serving features equal to the training row's (one
 * feature function for training and serving).
 */
class StoreDatasetsPlatformTest {
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);

    @Test
    void aWindowWithoutArtistsKeepsTheFourNumericFeatures() {
        List<AdSetDay> days = List.of(StoreDatasetsTest.day("a", "c1", FROM, FROM, 10, 1, Map.of()));
        FeatureTable t = StoreDatasets.build(new StoreDatasets.Window("act", FROM, FROM), days, Map.of());
        assertThat(t.numericNames()).isEqualTo(StoreDatasets.NUMERIC);
        assertThat(t.sha256())
                .isEqualTo(StoreDatasets.build(new StoreDatasets.Window("act", FROM, FROM), days)
                        .sha256());
    }

    @Test
    void eachPlatformsPairIsPresentOnlyWhenSomeArtistHasThatPlatformsDays() {
        List<AdSetDay> days = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            days.add(StoreDatasetsTest.day("a", "c1", FROM.plusDays(i), FROM, 10, 1, Map.of()));
        }
        StoreDatasets.Window w = new StoreDatasets.Window("act", FROM, FROM.plusDays(19));
        Map<LocalDate, AdSetPlatformDays.Day> spotify = new HashMap<>();
        Map<LocalDate, AdSetPlatformDays.Day> youtube = new HashMap<>();
        Map<LocalDate, AdSetPlatformDays.Day> both = new HashMap<>();
        for (int i = -14; i < 20; i++) {
            spotify.put(FROM.plusDays(i), new AdSetPlatformDays.Day(1000L + i, 3L));
            youtube.put(FROM.plusDays(i), new AdSetPlatformDays.Day(null, null, 500L + i, 2L));
            both.put(FROM.plusDays(i), new AdSetPlatformDays.Day(1000L + i, 3L, 500L + i, 2L));
        }
        FeatureTable s = StoreDatasets.build(w, days, Map.of("act|a", spotify));
        FeatureTable y = StoreDatasets.build(w, days, Map.of("act|a", youtube));
        FeatureTable b = StoreDatasets.build(w, days, Map.of("act|a", both));
        assertThat(s.numericNames()).endsWith(StoreDatasets.SPOTIFY.toArray(String[]::new));
        assertThat(s.numericNames()).doesNotContainAnyElementsOf(StoreDatasets.YOUTUBE);
        assertThat(y.numericNames()).endsWith(StoreDatasets.YOUTUBE.toArray(String[]::new));
        assertThat(y.numericNames()).doesNotContainAnyElementsOf(StoreDatasets.SPOTIFY);
        assertThat(b.numericNames()).endsWith(StoreDatasets.PLATFORM.toArray(String[]::new));
        assertThat(List.of(s.sha256(), y.sha256(), b.sha256())).doesNotHaveDuplicates();
        for (FeatureTable t : List.of(s, y, b)) {
            for (FeatureRow row : t.rows()) {
                assertThat(row.numeric()).hasSize(t.numericNames().size());
            }
        }
        // a linear series: the mean over d-13..d-7 is the value at d-10
        FeatureRow last = y.rows().get(y.rows().size() - 1);
        assertThat(last.numeric()[4]).isEqualTo(500.0 + last.day() - 10);
        assertThat(last.numeric()[5]).isEqualTo(2.0);
    }

    @Test
    void platformFeaturesAreTheMeansOfTheArtistsLaggedDaysAndServingComputesTheSame() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Map<LocalDate, AdSetPlatformDays.Day> artist = new HashMap<>();
            for (LocalDate d = FROM.minusDays(20); d.isBefore(FROM.plusDays(30)); d = d.plusDays(1)) {
                if (random.nextDouble() < 0.8) {
                    boolean spotify = random.nextDouble() < 0.8;
                    boolean youtube = random.nextDouble() < 0.7;
                    artist.put(
                            d,
                            new AdSetPlatformDays.Day(
                                    spotify ? (long) random.nextInt(10_000) : null,
                                    spotify && random.nextDouble() < 0.8 ? (long) random.nextInt(50) - 5 : null,
                                    youtube ? (long) random.nextInt(3_000) : null,
                                    youtube && random.nextDouble() < 0.8 ? (long) random.nextInt(20) : null));
                }
            }
            List<AdSetDay> days = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                days.add(StoreDatasetsTest.day("a", "c1", FROM.plusDays(i), FROM, 5 + i, i % 3, Map.of()));
                days.add(StoreDatasetsTest.day("b", "c2", FROM.plusDays(i), FROM, 7, 1, Map.of()));
            }
            FeatureTable t = StoreDatasets.build(
                    new StoreDatasets.Window("act", FROM, FROM.plusDays(29)), days, Map.of("act|a", artist));
            assertThat(t.numericNames())
                    .endsWith(
                            "artist_streams_lag7",
                            "artist_followers_gained_lag7",
                            "artist_youtube_views_lag7",
                            "artist_subscribers_gained_lag7");
            for (FeatureRow row : t.rows()) {
                LocalDate day = FROM.plusDays(row.day());
                double[] expected = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                if (row.group().equals("act|a")) {
                    expected = bruteForceMeans(artist, day);
                }
                for (int k = 0; k < 4; k++) {
                    double got = row.numeric()[4 + k];
                    if (Double.isNaN(expected[k])) {
                        assertThat(got)
                                .as("seed %d %s %s", seed, row.group(), day)
                                .isNaN();
                    } else {
                        assertThat(got).as("seed %d %s", seed, day).isCloseTo(expected[k], within(1e-9));
                    }
                }
                if (row.group().equals("act|a")) {
                    AdSet adSet = new AdSet(
                            "a",
                            "A",
                            "c1",
                            "c1",
                            "ACTIVE",
                            null,
                            "EUR",
                            null,
                            FROM,
                            FROM.plusDays(29),
                            30,
                            null,
                            new AdSetAttributes(Map.of()));
                    Map<String, String> serving =
                            StoreDatasets.servingFeatures(adSet, List.of(), FROM.minusDays(13), day, artist);
                    for (int k = 0; k < 4; k++) {
                        String name = StoreDatasets.PLATFORM.get(k);
                        if (Double.isNaN(expected[k])) {
                            assertThat(serving).doesNotContainKey(name);
                        } else {
                            assertThat(Double.parseDouble(serving.get(name))).isCloseTo(expected[k], within(1e-9));
                        }
                    }
                }
            }
        }
    }

    /** Means over days d−13..d−7 of the known values, written out without the production loop. */
    private static double[] bruteForceMeans(Map<LocalDate, AdSetPlatformDays.Day> artist, LocalDate day) {
        List<Long> streams = new ArrayList<>();
        List<Long> followers = new ArrayList<>();
        List<Long> views = new ArrayList<>();
        List<Long> subscribers = new ArrayList<>();
        for (LocalDate d = day.minusDays(13); !d.isAfter(day.minusDays(7)); d = d.plusDays(1)) {
            AdSetPlatformDays.Day v = artist.get(d);
            if (v != null && v.streams() != null) {
                streams.add(v.streams());
            }
            if (v != null && v.followersGained() != null) {
                followers.add(v.followersGained());
            }
            if (v != null && v.youtubeViews() != null) {
                views.add(v.youtubeViews());
            }
            if (v != null && v.subscribersGained() != null) {
                subscribers.add(v.subscribersGained());
            }
        }
        return new double[] {mean(streams), mean(followers), mean(views), mean(subscribers)};
    }

    private static double mean(List<Long> values) {
        return values.isEmpty()
                ? Double.NaN
                : values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }
}
