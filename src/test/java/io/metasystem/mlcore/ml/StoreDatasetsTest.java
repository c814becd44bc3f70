package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetDay;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StoreDatasetsTest {
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);

    static AdSetDay day(
            String adset,
            String campaign,
            LocalDate date,
            LocalDate first,
            double spend,
            double conv,
            Map<String, String> attributes) {
        return new AdSetDay(
                "act",
                adset,
                campaign,
                date,
                first,
                BigDecimal.valueOf(spend),
                10L,
                BigDecimal.valueOf(conv),
                new AdSetAttributes(attributes));
    }

    @Test
    void ordersAttributeKeysByTheHierarchyThenAlphabeticallyAndFillsUnknown() {
        List<AdSetDay> days = List.of(
                day(
                        "a",
                        "c1",
                        FROM,
                        FROM,
                        10,
                        1,
                        Map.of(
                                "zeta",
                                "z",
                                "gender",
                                "female",
                                "objective",
                                "sales",
                                "interest",
                                "music",
                                "campaign",
                                "ignored",
                                "log_spend",
                                "9")),
                day("b", null, FROM, FROM, 20, 0, Map.of("age", "25-34")));
        FeatureTable t = StoreDatasets.build(new StoreDatasets.Window("act", FROM, FROM), days);
        assertThat(t.categoricalNames()).containsExactly("campaign", "objective", "age", "gender", "interest", "zeta");
        assertThat(t.numericNames())
                .containsExactly("day_of_week", "days_since_start", "recent_spend_lag7", "log_spend");
        assertThat(t.rows().get(0).categorical()).containsExactly("c1", "sales", "unknown", "female", "music", "z");
        assertThat(t.rows().get(1).categorical())
                .containsExactly("unknown", "unknown", "25-34", "unknown", "unknown", "unknown");
        assertThat(t.temporal()).isTrue();
        assertThat(t.dataset()).isEqualTo("store_act");
        assertThat(t.target()).isEqualTo("conversions");
    }

    @Test
    void numericFeaturesUseOnlyDataAtLeastSevenDaysOldAndTheAdSetsFirstDay() {
        LocalDate first = FROM.minusDays(20); // the ad set started before the window
        List<AdSetDay> days = new ArrayList<>();
        for (int d = -13; d <= 7; d++) {
            days.add(day("a", "c", FROM.plusDays(d), first, 1 + d + 13, d == 7 ? 3 : 0, Map.of()));
        }
        days.add(day("a", "c", FROM.plusDays(8), first, 0, 1, Map.of())); // zero spend: dropped and counted
        FeatureTable t = StoreDatasets.build(new StoreDatasets.Window(null, FROM, FROM.plusDays(8)), days);
        assertThat(t.rows()).hasSize(8);
        assertThat(t.droppedRows()).isEqualTo(1);
        assertThat(t.droppedConversions()).isEqualTo(1);
        FeatureRow last = t.rows().get(7); // FROM + 7, spend 21
        assertThat(last.day()).isEqualTo(7);
        assertThat(last.numeric()[0]).isEqualTo(FROM.plusDays(7).getDayOfWeek().getValue());
        assertThat(last.numeric()[1]).isEqualTo(27);
        // spend of days FROM-6 .. FROM+0 (d-13 .. d-7) = (1+7) + ... + (1+13)
        double expected = 0;
        for (int d = -6; d <= 0; d++) {
            expected += 1 + d + 13;
        }
        assertThat(last.numeric()[2]).isEqualTo(expected);
        assertThat(last.numeric()[3]).isCloseTo(Math.log(21), within(1e-12));
        assertThat(last.conversions()).isEqualTo(3);
        assertThat(t.rows().get(0).day()).isZero();
        assertThat(t.dataset()).isEqualTo("store");
    }

    @Test
    void theChecksumChangesWithTheData() {
        List<AdSetDay> a = List.of(day("a", "c", FROM, FROM, 10, 1, Map.of()));
        List<AdSetDay> b = List.of(day("a", "c", FROM, FROM, 10, 2, Map.of()));
        StoreDatasets.Window w = new StoreDatasets.Window("act", FROM, FROM);
        assertThat(StoreDatasets.build(w, a).sha256())
                .isEqualTo(StoreDatasets.build(w, a).sha256())
                .isNotEqualTo(StoreDatasets.build(w, b).sha256());
    }
}
