package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.FeatureRow;
import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.simulation.AdSetOutcome;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;

import java.util.List;

/**
 * Past simulated ad sets as an ml {@link FeatureTable}, shaped like the kag data: one undated row per ad set (lifetime
 * totals), categorical audience → placement → creative (the empirical-Bayes hierarchy), numeric {@code log_spend} =
 * log(mean daily spend), group = account/ad set so that grouped k-fold scores ad sets the model never saw.
 */
final class TrainingRows {
    static final String DATASET = "coldstart_sim";
    static final String LOG_SPEND = "log_spend";

    private TrainingRows() {}

    /** Rows with spend &gt; 0; the others (never delivered) are dropped and counted. */
    static FeatureTable table(List<AdSetOutcome> outcomes, String window) {
        List<FeatureRow> rows = outcomes.stream()
                .filter(o -> o.spend() > 0)
                .map(o -> new FeatureRow(
                        "h" + o.account() + "/" + o.adSetId(),
                        -1,
                        o.attributes().values(),
                        new double[] {Math.log(o.spend() / o.days())},
                        o.spend(),
                        o.clicks(),
                        o.conversions()))
                .toList();
        double droppedConversions = outcomes.stream()
                .filter(o -> !(o.spend() > 0))
                .mapToDouble(AdSetOutcome::conversions)
                .sum();
        return new FeatureTable(
                DATASET,
                "conversions",
                SyntheticAdSetTraits.NAMES,
                List.of(LOG_SPEND),
                rows,
                outcomes.size() - rows.size(),
                droppedConversions,
                false,
                window,
                "simulated");
    }
}
