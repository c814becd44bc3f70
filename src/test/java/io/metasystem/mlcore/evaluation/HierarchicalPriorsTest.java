package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.FeatureRow;
import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.ml.HierarchicalTrainer;
import io.metasystem.mlcore.ml.Validation;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.simulation.ColdStartScenarioGenerator;
import io.metasystem.mlcore.simulation.PastCampaigns;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HierarchicalPriorsTest {
    private static final Validation.Settings VALIDATION = Validation.Settings.defaults(42);

    private static FeatureTable table() {
        return TrainingRows.table(new PastCampaigns(new ColdStartScenarioGenerator()).outcomes(31, 120, 28), "test");
    }

    @Test
    void weightIsTheHeldOutCalibrationOfTheMlPackage() {
        FeatureTable table = table();
        HierarchicalPriors priors = HierarchicalPriors.train(table, VALIDATION, line -> {});
        Validation.ModelScore score = Validation.run(table, List.of(new HierarchicalTrainer()), VALIDATION, l -> {})
                .score("hierarchical_eb");
        assertThat(priors.weight()).isEqualTo(score.priorWeight());
        assertThat(priors.overdispersion()).isEqualTo(score.overdispersion());
        assertThat(priors.weight()).isBetween(1.0, 200.0);
    }

    @Test
    void priorsRankAudiencesAsTheTruthDoes() {
        HierarchicalPriors priors = HierarchicalPriors.train(table(), VALIDATION, line -> {});
        Prior retargeting = priors.prior(new SyntheticAdSetTraits("retargeting", "feed", "video"), 50);
        Prior broad = priors.prior(new SyntheticAdSetTraits("broad", "feed", "video"), 50);
        assertThat(retargeting.cpa()).isLessThan(broad.cpa() / 2);
        assertThat(retargeting.cvr()).isGreaterThan(broad.cvr());
        assertThat(retargeting.weight()).isEqualTo(priors.weight());
        assertThat(retargeting.source()).isEqualTo("ml:hierarchical_eb");
    }

    /** The same rows with their attributes shuffled: the model's held-out calibration must say it knows less. */
    @Test
    void uninformativeAttributesGetALowerWeight() {
        FeatureTable table = table();
        List<List<String>> attributes = new ArrayList<>(
                table.rows().stream().map(FeatureRow::categorical).toList());
        Collections.shuffle(attributes, new Random(3));
        List<FeatureRow> shuffled = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            FeatureRow r = table.rows().get(i);
            shuffled.add(new FeatureRow(
                    r.group(), r.day(), attributes.get(i), r.numeric(), r.spend(), r.clicks(), r.conversions()));
        }
        double informative =
                HierarchicalPriors.train(table, VALIDATION, l -> {}).weight();
        double noise = HierarchicalPriors.train(table.withRows(shuffled), VALIDATION, l -> {})
                .weight();
        assertThat(noise).isLessThan(informative * 0.8);
    }
}
