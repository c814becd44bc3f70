package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.DailyInsight;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Serving-time features follow the training rule of the store data set. */
class ServingFeaturesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-10-29"); // a Thursday

    private static AdSet adSet(LocalDate firstDate, BigDecimal budget, Map<String, String> attributes) {
        return new AdSet(
                "a1",
                "A1",
                "c9",
                "Campaign",
                "ACTIVE",
                budget,
                "EUR",
                "meta",
                firstDate,
                DAY.minusDays(1),
                30,
                null,
                new AdSetAttributes(attributes));
    }

    private static DailyInsight day(LocalDate date, String spend) {
        return new DailyInsight("a1", date, new BigDecimal(spend), null, null, null, null, null, "csv", null);
    }

    @Test
    void campaignIsTheCampaignIdAndNumericFeaturesAreComputedWhateverAttributesSay() {
        AdSet a = adSet(
                DAY.minusDays(30),
                new BigDecimal("20"),
                Map.of("campaign", "typed", "age", "25-34", "day_of_week", "7"));
        List<DailyInsight> days = List.of(day(DAY.minusDays(13), "5"), day(DAY.minusDays(7), "10"));

        Map<String, String> f = StoreDatasets.servingFeatures(a, days, DAY.minusDays(28), DAY);

        assertThat(f)
                .containsEntry("campaign", "c9")
                .containsEntry("age", "25-34")
                .containsEntry("day_of_week", "4.0")
                .containsEntry("days_since_start", "30.0")
                .containsEntry("recent_spend_lag7", "15.0")
                .containsEntry("log_spend", Double.toString(Math.log(20)));
    }

    @Test
    void aLagTheLoadedHistoryCannotSeeIsMissingAndNoBudgetMeansNoLogSpend() {
        AdSet a = adSet(DAY.minusDays(60), null, Map.of("age", "25-34"));

        Map<String, String> f = StoreDatasets.servingFeatures(a, List.of(), DAY.minusDays(3), DAY);

        assertThat(f).containsEntry("recent_spend_lag7", "NaN").doesNotContainKey("log_spend");
    }
}
