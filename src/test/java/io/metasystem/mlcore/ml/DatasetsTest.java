package io.metasystem.mlcore.ml;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The loaders reproduce the totals documented in data/samples/README.md. */
class DatasetsTest {
    static final Path KAG = Path.of("data/samples/kag_conversion_data.csv");
    static final Path ONLINE = Path.of("data/samples/online_advertising_performance_data.csv");

    @Test
    void kagTotalsMatchTheReadme() throws Exception {
        FeatureTable total = Datasets.load(KAG, Datasets.KagTarget.TOTAL);
        FeatureTable approved = Datasets.load(KAG, Datasets.KagTarget.APPROVED);
        assertThat(total.dataset()).isEqualTo("kag");
        assertThat(total.rows().size() + total.droppedRows()).isEqualTo(1143);
        assertThat(total.droppedRows()).isEqualTo(207);
        assertThat(total.rows().stream().mapToDouble(FeatureRow::spend).sum()).isCloseTo(58705.23, within(0.01));
        assertThat(total.rows().stream().mapToDouble(FeatureRow::conversions).sum() + total.droppedConversions())
                .isEqualTo(3264);
        assertThat(approved.rows().stream().mapToDouble(FeatureRow::conversions).sum() + approved.droppedConversions())
                .isEqualTo(1079);
        assertThat(total.sha256()).isEqualTo("93e5dd6ebfc9b7f319b6708db6a38accde33564edcc4fd9ebea3302abec8a6fa");
        assertThat(total.temporal()).isFalse();
    }

    @Test
    void onlineTotalsMatchTheReadmeAndDropOnlyConversionFreeZeroCostRows() throws Exception {
        FeatureTable t = Datasets.load(ONLINE, Datasets.KagTarget.APPROVED);
        assertThat(t.dataset()).isEqualTo("online_advertising");
        assertThat(t.rows().size() + t.droppedRows()).isEqualTo(15408);
        assertThat(t.droppedConversions()).isZero();
        assertThat(t.rows().stream().mapToDouble(FeatureRow::spend).sum()).isCloseTo(175193.00, within(0.01));
        assertThat(t.rows().stream().mapToDouble(FeatureRow::conversions).sum()).isEqualTo(651768);
        assertThat(t.rows().stream().mapToDouble(FeatureRow::clicks).sum())
                .isEqualTo(2492837 - 1); // 1 click at zero cost
        assertThat(t.maxDay()).isEqualTo(90);
        assertThat(t.window()).isEqualTo("2020-04-01 .. 2020-06-30");
        assertThat(t.rows()).noneMatch(r -> r.categorical().get(3).equals("#N/A"));
    }

    @Test
    void recentSpendOnlyUsesDaysAtLeastAWeekBefore() throws Exception {
        FeatureTable t = Datasets.loadOnlineAdvertising(ONLINE);
        int col = t.numericNames().indexOf("recent_spend_lag7");
        Map<String, double[]> costs = new HashMap<>();
        t.rows().forEach(r -> costs.computeIfAbsent(r.group(), g -> new double[91])[r.day()] += r.spend());
        for (FeatureRow r : t.rows()) {
            double v = r.numeric()[col];
            if (r.day() < 7) {
                assertThat(v).isNaN();
            } else {
                double expected = 0;
                for (int d = Math.max(0, r.day() - 13); d <= r.day() - 7; d++) {
                    expected += costs.get(r.group())[d];
                }
                assertThat(v).isCloseTo(expected, within(1e-6));
            }
        }
    }
}
