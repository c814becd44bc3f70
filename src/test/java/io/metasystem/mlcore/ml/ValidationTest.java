package io.metasystem.mlcore.ml;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {
    @Test
    void rollingOriginNeverTrainsOnTheScoredDaysOrLater() {
        FeatureTable t = MlFixtures.known(600, 1, true); // days 0..29
        List<Validation.Fold> folds = Validation.folds(t, new Validation.Settings(5, 3, 7, 3, 1));
        assertThat(folds)
                .extracting(Validation.Fold::label)
                .containsExactly("days 9..15", "days 16..22", "days 23..29");
        for (Validation.Fold f : folds) {
            int firstTest = f.test().stream().mapToInt(FeatureRow::day).min().orElseThrow();
            assertThat(f.train()).allMatch(r -> r.day() < firstTest);
            assertThat(f.test()).allMatch(r -> r.day() >= firstTest && r.day() < firstTest + 7);
        }
    }

    @Test
    void coldStartRollingOriginScoresOnlyFutureDaysOfSegmentsNeverTrainedOn() {
        FeatureTable t = MlFixtures.known(900, 1, true);
        List<Validation.Fold> folds = Validation.folds(t, new Validation.Settings(3, 3, 7, 3, 5, true));
        assertThat(folds).hasSize(3);
        for (Validation.Fold f : folds) {
            int firstTest = f.test().stream().mapToInt(FeatureRow::day).min().orElseThrow();
            assertThat(f.train()).allMatch(r -> r.day() < firstTest);
            Set<String> trainGroups = new HashSet<>();
            f.train().forEach(r -> trainGroups.add(r.group()));
            assertThat(f.test()).isNotEmpty().noneMatch(r -> trainGroups.contains(r.group()));
        }
    }

    @Test
    void groupedKFoldScoresEveryRowOnceAndNeverSplitsAGroup() {
        FeatureTable t = MlFixtures.known(500, 2, false);
        List<Validation.Fold> folds = Validation.folds(t, new Validation.Settings(5, 1, 7, 3, 4));
        assertThat(folds).hasSize(5);
        assertThat(folds.stream().mapToInt(f -> f.test().size()).sum()).isEqualTo(500);
        for (Validation.Fold f : folds) {
            Set<String> trainGroups = new HashSet<>();
            f.train().forEach(r -> trainGroups.add(r.group()));
            assertThat(f.test()).noneMatch(r -> trainGroups.contains(r.group()));
            assertThat(f.train().size() + f.test().size()).isEqualTo(500);
        }
    }

    @Test
    void theTreeModelBeatsTheGlobalMeanOnDataWithStructure() {
        FeatureTable t = MlFixtures.known(2000, 3, false);
        Validation.Result r = Validation.run(
                t,
                List.of(new GlobalMeanTrainer(), new HierarchicalTrainer(), new XgbTrainer(1, 200, null)),
                Validation.Settings.defaults(1),
                line -> {});
        assertThat(r.score("xgboost_poisson").poissonDeviance())
                .isLessThan(r.score("global_mean").poissonDeviance());
        assertThat(r.score("hierarchical_eb").poissonDeviance())
                .isLessThan(r.score("global_mean").poissonDeviance());
        // the data are Poisson given the features: little overdispersion is left, so the prior weight is high
        assertThat(r.score("xgboost_poisson").priorWeight()).isGreaterThan(10);
        assertThat(r.score("global_mean").priorWeight())
                .isLessThan(r.score("xgboost_poisson").priorWeight());
    }
}
