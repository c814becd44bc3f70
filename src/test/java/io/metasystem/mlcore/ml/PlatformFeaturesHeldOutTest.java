package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AdSetDay;
import io.metasystem.mlcore.store.AdSetPlatformDays;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small held-out experiment of docs/reporting.md: simulated ad sets of 4 artists over 90 days, whose daily
 * conversions per unit of spend either follow the artist's lagged streams (scenario "signal") or not at all
 * ("null"). The held-out Poisson deviance of XGBoost (rolling origin, the store's protocol) with and without the
 * platform features: with a signal they must help (else the features are lost between data set and model); without
 * one they must not make the held-out score worse by more than 5 %.
 */
class PlatformFeaturesHeldOutTest {
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final int DAYS = 90;

    record Run(double withPlatform, double without) {
        double change() {
            return withPlatform / without - 1;
        }
    }

    static Run run(long seed, double streamEffect) {
        Random random = new Random(seed);
        RandomDataGenerator rng = new RandomDataGenerator(seed);
        Map<String, Map<LocalDate, AdSetPlatformDays.Day>> platform = new HashMap<>();
        List<AdSetDay> days = new ArrayList<>();
        for (int artist = 0; artist < 4; artist++) {
            Map<LocalDate, AdSetPlatformDays.Day> series = new HashMap<>();
            double level = 2000 + 6000 * random.nextDouble();
            for (int d = -14; d < DAYS; d++) {
                // streams with a random walk: the lagged mean moves over the window
                level = Math.max(500, level * (1 + 0.08 * random.nextGaussian()));
                series.put(
                        FROM.plusDays(d),
                        new AdSetPlatformDays.Day(
                                (long) level, (long) (level / 200), (long) (level / 3), (long) (level / 800)));
            }
            for (int a = 0; a < 6; a++) {
                String id = "ar" + artist + "-" + a;
                platform.put("act|" + id, series);
                double base = 0.02 + 0.03 * random.nextDouble();
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = FROM.plusDays(d);
                    double lagged = StoreDatasets.platformFeatures(series, day)[0];
                    double spend = 20 + 30 * random.nextDouble();
                    double rate = base * Math.pow(lagged / 5000, streamEffect);
                    long conversions = rng.nextPoisson(rate * spend);
                    days.add(StoreDatasetsTest.day(id, "c" + artist, day, FROM, spend, conversions, Map.of()));
                }
            }
        }
        StoreDatasets.Window w = new StoreDatasets.Window("act", FROM, FROM.plusDays(DAYS - 1));
        Validation.Settings s = new Validation.Settings(5, 6, 7, 1, seed);
        List<ModelTrainer> trainers = List.of(new XgbTrainer(seed, 60, null));
        double with = Validation.run(StoreDatasets.build(w, days, platform), trainers, s, x -> {})
                .score("xgboost_poisson")
                .poissonDeviance();
        double without = Validation.run(StoreDatasets.build(w, days), trainers, s, x -> {})
                .score("xgboost_poisson")
                .poissonDeviance();
        return new Run(with, without);
    }

    @Test
    void platformFeaturesLowerTheHeldOutDevianceOnlyWhenConversionsFollowTheArtistsStreams() {
        for (long seed : new long[] {101, 202}) {
            Run signal = run(seed, 1.0);
            Run none = run(seed, 0.0);
            System.out.printf(
                    "platform-features seed %d: signal with %.2f without %.2f (%+.1f %%); null with %.2f without %.2f"
                            + " (%+.1f %%)%n",
                    seed,
                    signal.withPlatform(),
                    signal.without(),
                    100 * signal.change(),
                    none.withPlatform(),
                    none.without(),
                    100 * none.change());
            assertThat(signal.change()).as("seed %d signal", seed).isNegative();
            assertThat(none.change()).as("seed %d null", seed).isLessThan(0.05);
        }
    }
}
