package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.vision.CocoEval.Dt;
import io.metasystem.mlcore.vision.CocoEval.Gt;
import io.metasystem.mlcore.vision.CocoEval.Summary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link CocoEval} against figures printed by pycocotools itself (pycocotools is not installable here, so its
 * published output is the reference). Source: the reference case of torchmetrics' mean-AP test,
 * {@code tests/detection/test_map.py} ({@code _inputs} and the docstring of {@code _compare_fn}: "Official pycocotools
 * results calculated from a subset of https://github.com/cocodataset/cocoapi/tree/master/results"; Lightning-AI/
 * torchmetrics, Apache-2.0). Four COCO val2014 images (ids 42, 73, 74, 133), the first fake detections of
 * {@code instances_val2014_fakebbox100_results.json}, boxes {@code x1, y1, x2, y2}, ground-truth area = box area,
 * six categories of which category 3 has no ground truth (−1). pycocotools prints three decimals: the test asserts
 * every one of the twelve summary numbers and the per-class AP to ±0.0005.
 */
class CocoEvalPycocotoolsTest {
    private static final double PRINTED = 0.0005;

    private final List<Gt> gts = new ArrayList<>();
    private final List<Dt> dts = new ArrayList<>();

    private void gt(long image, int category, double x1, double y1, double x2, double y2) {
        double w = x2 - x1;
        double h = y2 - y1;
        gts.add(new Gt(image, category, x1, y1, w, h, w * h, false));
    }

    private void dt(long image, int category, double score, double x1, double y1, double x2, double y2) {
        dts.add(new Dt(image, category, x1, y1, x2 - x1, y2 - y1, score));
    }

    private Summary evaluateReferenceCase() {
        dt(42, 4, 0.236, 258.15, 41.29, 606.41, 285.07);
        dt(73, 3, 0.318, 61.00, 22.75, 565.00, 632.42);
        dt(73, 2, 0.726, 12.66, 3.32, 281.26, 275.23);
        dt(74, 4, 0.546, 87.87, 276.25, 384.29, 379.43);
        dt(74, 1, 0.3, 0.00, 3.66, 142.15, 316.06);
        dt(74, 0, 0.407, 296.55, 93.96, 314.97, 152.79);
        dt(74, 0, 0.611, 328.94, 97.05, 342.49, 122.98);
        dt(74, 0, 0.335, 356.62, 95.47, 372.33, 147.55);
        dt(74, 0, 0.805, 464.08, 105.09, 495.74, 146.99);
        dt(74, 0, 0.953, 276.11, 103.84, 291.44, 150.72);
        dt(133, 5, 0.699, 0.00, 2.87, 601.00, 421.52);
        gt(42, 4, 214.15, 41.29, 562.41, 285.07);
        gt(73, 2, 13.00, 22.75, 548.98, 632.42);
        gt(73, 2, 1.66, 3.32, 270.26, 275.23);
        gt(74, 4, 61.87, 276.25, 358.29, 379.43);
        gt(74, 1, 2.75, 3.66, 162.15, 316.06);
        gt(74, 0, 295.55, 93.96, 313.97, 152.79);
        gt(74, 0, 326.94, 97.05, 340.49, 122.98);
        gt(74, 0, 356.62, 95.47, 372.33, 147.55);
        gt(74, 0, 462.08, 105.09, 493.74, 146.99);
        gt(74, 0, 277.11, 103.84, 292.44, 150.72);
        gt(133, 5, 13.99, 2.87, 640.00, 421.52);
        return CocoEval.evaluate(List.of(42L, 73L, 74L, 133L), List.of(0, 1, 2, 3, 4, 5), gts, dts);
    }

    @Test
    void theTwelveSummaryNumbersArePycocotoolsPrintedOutput() {
        Summary s = evaluateReferenceCase();
        assertThat(s.map()).isCloseTo(0.706, within(PRINTED));
        assertThat(s.map50()).isCloseTo(0.901, within(PRINTED));
        assertThat(s.map75()).isCloseTo(0.846, within(PRINTED));
        assertThat(s.mapSmall()).isCloseTo(0.689, within(PRINTED));
        assertThat(s.mapMedium()).isCloseTo(0.800, within(PRINTED));
        assertThat(s.mapLarge()).isCloseTo(0.701, within(PRINTED));
        assertThat(s.ar1()).isCloseTo(0.592, within(PRINTED));
        assertThat(s.ar10()).isCloseTo(0.716, within(PRINTED));
        assertThat(s.ar100()).isCloseTo(0.716, within(PRINTED));
        assertThat(s.arSmall()).isCloseTo(0.767, within(PRINTED));
        assertThat(s.arMedium()).isCloseTo(0.800, within(PRINTED));
        assertThat(s.arLarge()).isCloseTo(0.700, within(PRINTED));
    }

    @Test
    void perClassApIsPycocotoolsOutputAndTheClassWithoutGroundTruthIsLeftOut() {
        Summary s = evaluateReferenceCase();
        assertThat(s.perCategoryAp()).containsOnlyKeys(0, 1, 2, 4, 5);
        assertThat(s.perCategoryAp().get(0)).isCloseTo(0.725, within(PRINTED));
        assertThat(s.perCategoryAp().get(1)).isCloseTo(0.800, within(PRINTED));
        assertThat(s.perCategoryAp().get(2)).isCloseTo(0.454, within(PRINTED));
        assertThat(s.perCategoryAp().get(4)).isCloseTo(0.650, within(PRINTED));
        assertThat(s.perCategoryAp().get(5)).isCloseTo(0.900, within(PRINTED));
    }
}
