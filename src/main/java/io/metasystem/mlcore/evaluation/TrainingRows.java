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

    /** Rows with spend &gt; 0 and every attribute the outcomes carry (creative features included). */
    static FeatureTable table(List<AdSetOutcome> outcomes, String window) {
        return table(outcomes, window, true);
    }

    /**
     * Rows with spend &gt; 0; the others (never delivered) are dropped and counted.
     *
     * @param creativeFeatures whether the ad sets' {@code creative_*} features (when they have any) are columns
     */
    static FeatureTable table(List<AdSetOutcome> outcomes, String window, boolean creativeFeatures) {
        List<String> names = outcomes.isEmpty() || !creativeFeatures
                ? SyntheticAdSetTraits.NAMES
                : outcomes.get(0).attributes().names();
        List<FeatureRow> rows = outcomes.stream()
                .filter(o -> o.spend() > 0)
                .map(o -> new FeatureRow(
                        "h" + o.account() + "/" + o.adSetId(),
                        -1,
                        features(o.attributes(), creativeFeatures).values(),
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
                names,
                List.of(LOG_SPEND),
                rows,
                outcomes.size() - rows.size(),
                droppedConversions,
                false,
                window,
                "simulated");
    }

    /** The traits a model sees: all of them, or without the creative features. */
    static SyntheticAdSetTraits features(SyntheticAdSetTraits traits, boolean creativeFeatures) {
        return creativeFeatures ? traits : traits.withoutCreativeFeatures();
    }
}
