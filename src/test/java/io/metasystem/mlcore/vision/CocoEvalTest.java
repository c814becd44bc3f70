package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.vision.CocoEval.Dt;
import io.metasystem.mlcore.vision.CocoEval.Gt;
import io.metasystem.mlcore.vision.CocoEval.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** pycocotools' COCOeval on cases worked out by hand (precision is tp / (tp + fp + eps), so 1 is 1 - 2e-16). */
class CocoEvalTest {
    static Gt gt(long image, int cat, double x, double y, double w, double h) {
        return new Gt(image, cat, x, y, w, h, w * h, false);
    }

    @Test
    void aPerfectDetectionScoresOneAndLeavesEmptyAreaRangesUndefined() {
        Summary s = CocoEval.evaluate(
                List.of(1L), List.of(1), List.of(gt(1, 1, 0, 0, 10, 10)), List.of(new Dt(1, 1, 0, 0, 10, 10, 0.9)));
        assertThat(s.map()).isCloseTo(1.0, within(1e-12));
        assertThat(s.map50()).isCloseTo(1.0, within(1e-12));
        assertThat(s.mapSmall()).isCloseTo(1.0, within(1e-12));
        // no medium or large ground truth: -1, as pycocotools prints
        assertThat(s.mapMedium()).isEqualTo(-1);
        assertThat(s.mapLarge()).isEqualTo(-1);
        assertThat(s.ar100()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aFalsePositiveRankedFirstHalvesPrecisionThroughTheEnvelope() {
        // fp then tp: recall (0, 1), precision (0, 0.5) -> envelope (0.5, 0.5): 0.5 at all 101 recall points
        Summary s = CocoEval.evaluate(
                List.of(1L),
                List.of(1),
                List.of(gt(1, 1, 0, 0, 10, 10)),
                List.of(new Dt(1, 1, 50, 50, 10, 10, 0.9), new Dt(1, 1, 0, 0, 10, 10, 0.8)));
        assertThat(s.map()).isCloseTo(0.5, within(1e-12));
        assertThat(s.ar100()).isCloseTo(1.0, within(1e-12));
        // with one detection per image only the false positive counts
        assertThat(s.ar1()).isEqualTo(0.0);
    }

    @Test
    void iouThresholdsFromFiftyToNinetyFive() {
        // IoU 78 / 100 = 0.78: a match at .50, .55, ..., .75 (6 of 10 thresholds)
        Summary s = CocoEval.evaluate(
                List.of(1L), List.of(1), List.of(gt(1, 1, 0, 0, 10, 10)), List.of(new Dt(1, 1, 0, 0, 10, 7.8, 0.9)));
        assertThat(s.map()).isCloseTo(0.6, within(1e-12));
        assertThat(s.map50()).isCloseTo(1.0, within(1e-12));
        assertThat(s.map75()).isCloseTo(1.0, within(1e-12));
        assertThat(s.ar100()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void detectionsOnCrowdRegionsAreIgnoredNotFalsePositives() {
        Gt crowd = new Gt(1, 1, 0, 0, 100, 100, 10_000, true);
        Summary s = CocoEval.evaluate(
                List.of(1L),
                List.of(1),
                List.of(crowd, gt(1, 1, 200, 200, 10, 10)),
                // inside the crowd: IoU = intersection / detection area = 1, matched to the crowd and ignored
                List.of(new Dt(1, 1, 10, 10, 10, 10, 0.9), new Dt(1, 1, 200, 200, 10, 10, 0.8)));
        assertThat(s.map()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void categoriesWithoutGroundTruthAreLeftOut() {
        Summary s = CocoEval.evaluate(
                List.of(1L),
                List.of(1, 2),
                List.of(gt(1, 1, 0, 0, 10, 10)),
                List.of(new Dt(1, 1, 0, 0, 10, 10, 0.9), new Dt(1, 2, 0, 0, 10, 10, 0.95)));
        assertThat(s.map()).isCloseTo(1.0, within(1e-12));
        assertThat(s.perCategoryAp()).containsOnlyKeys(1);
    }

    @Test
    void areaRangesUseTheAnnotatedArea() {
        // small 10 x 10 (area 100) found, medium 50 x 50 (area 2500) missed
        Summary s = CocoEval.evaluate(
                List.of(1L),
                List.of(1),
                List.of(gt(1, 1, 0, 0, 10, 10), gt(1, 1, 100, 100, 50, 50)),
                List.of(new Dt(1, 1, 0, 0, 10, 10, 0.9)));
        assertThat(s.mapSmall()).isCloseTo(1.0, within(1e-12));
        assertThat(s.mapMedium()).isEqualTo(0.0);
        assertThat(s.arMedium()).isEqualTo(0.0);
        // all: recall 1/2 with precision 1: the first 51 recall points (0, .01, ..., .50) have precision 1
        assertThat(s.map()).isCloseTo(51 / 101.0, within(1e-12));
        assertThat(s.ar100()).isCloseTo(0.5, within(1e-12));
    }
}
