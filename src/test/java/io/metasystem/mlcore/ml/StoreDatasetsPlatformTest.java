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
 * The artists' platform features of the store's data set: the mean of the artist's days d−13..d−7 (closed form, on
 * seeded random series with gaps), missing without an imported day there, absent from a window without artists, and
 * the serving features equal to the training row's (one feature function for training and serving).
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
    void platformFeaturesAreTheMeansOfTheArtistsLaggedDaysAndServingComputesTheSame() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Map<LocalDate, AdSetPlatformDays.Day> artist = new HashMap<>();
            for (LocalDate d = FROM.minusDays(20); d.isBefore(FROM.plusDays(30)); d = d.plusDays(1)) {
                if (random.nextDouble() < 0.7) {
                    artist.put(
                            d,
                            new AdSetPlatformDays.Day(
                                    (long) random.nextInt(10_000),
                                    random.nextDouble() < 0.8 ? (long) random.nextInt(50) - 5 : null));
                }
            }
            List<AdSetDay> days = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                days.add(StoreDatasetsTest.day("a", "c1", FROM.plusDays(i), FROM, 5 + i, i % 3, Map.of()));
                days.add(StoreDatasetsTest.day("b", "c2", FROM.plusDays(i), FROM, 7, 1, Map.of()));
            }
            FeatureTable t = StoreDatasets.build(
                    new StoreDatasets.Window("act", FROM, FROM.plusDays(29)), days, Map.of("act|a", artist));
            assertThat(t.numericNames()).endsWith("artist_streams_lag7", "artist_followers_gained_lag7");
            for (FeatureRow row : t.rows()) {
                LocalDate day = FROM.plusDays(row.day());
                double[] expected = {Double.NaN, Double.NaN};
                if (row.group().equals("act|a")) {
                    expected = bruteForceMeans(artist, day);
                }
                for (int k = 0; k < 2; k++) {
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
                    for (int k = 0; k < 2; k++) {
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
        for (LocalDate d = day.minusDays(13); !d.isAfter(day.minusDays(7)); d = d.plusDays(1)) {
            AdSetPlatformDays.Day v = artist.get(d);
            if (v != null && v.streams() != null) {
                streams.add(v.streams());
            }
            if (v != null && v.followersGained() != null) {
                followers.add(v.followersGained());
            }
        }
        return new double[] {
            streams.isEmpty()
                    ? Double.NaN
                    : streams.stream().mapToLong(Long::longValue).average().orElseThrow(),
            followers.isEmpty()
                    ? Double.NaN
                    : followers.stream().mapToLong(Long::longValue).average().orElseThrow()
        };
    }
}
