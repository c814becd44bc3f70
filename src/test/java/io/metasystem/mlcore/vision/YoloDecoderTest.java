package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Decoding of both layouts and class-aware NMS, against results worked out by hand. */
class YoloDecoderTest {
    /** Rows cx, cy, w, h, score(0), score(1); one column per anchor (the yolov8_planted fixture). */
    static final float[][] ANCHORS = {
        {20, 30, 10, 20, 0.9f, 0.1f},
        {21, 30, 10, 20, 0.8f, 0.05f},
        {21, 30, 10, 20, 0.1f, 0.85f},
        {50, 30, 8, 8, 0.3f, 0},
        {10, 50, 4, 4, 0.25f, 0},
        {30, 10, 4, 4, 0.2f, 0.24f},
        {60, 20, 20, 10, 0, 0.6f},
        {0, 0, 0, 0, 0, 0}
    };

    static float[] yolov8(float[][] anchors) {
        int n = anchors.length;
        float[] out = new float[6 * n];
        for (int a = 0; a < n; a++) {
            for (int r = 0; r < 6; r++) {
                out[r * n + a] = anchors[a][r];
            }
        }
        return out;
    }

    @Test
    void yolov8KeepsTheBestClassAboveConfidenceAndSuppressesOverlapsOfTheSameClass() {
        List<Detection> d = YoloDecoder.decode(
                yolov8(ANCHORS), new long[] {1, 6, 8}, OutputLayout.YOLOV8, 2, DetectionSettings.DEFAULTS);
        // by score: 0.9 person, 0.85 bicycle, 0.8 person (IoU 180/220 = 0.818 > 0.7 with the first: gone),
        // 0.6 bicycle, 0.3 person; 0.25 is not strictly above 0.25; 0.24 and 0.2 are below
        assertThat(d).extracting(Detection::classId).containsExactly(0, 1, 1, 0);
        assertThat(d).extracting(Detection::score).containsExactly(0.9f * 1.0, 0.85f * 1.0, 0.6f * 1.0, 0.3f * 1.0);
        assertThat(d.get(0).box()).containsExactly(15, 20, 25, 40);
        assertThat(d.get(1).box()).containsExactly(16, 20, 26, 40);
        assertThat(d.get(2).box()).containsExactly(50, 15, 70, 25);
        assertThat(d.get(3).box()).containsExactly(46, 26, 54, 34);
    }

    @Test
    void aLowerIouThresholdStillKeepsOtherClassesAndAHigherOneKeepsBoth() {
        List<Detection> loose = YoloDecoder.decode(
                yolov8(ANCHORS), new long[] {1, 6, 8}, OutputLayout.YOLOV8, 2, new DetectionSettings(0.25, 0.9, 300));
        // IoU 0.818 is not above 0.9: the second person stays
        assertThat(loose).extracting(Detection::score).contains(0.8f * 1.0);
        assertThat(loose).hasSize(5);
    }

    @Test
    void iouExactlyAtTheThresholdDoesNotSuppress() {
        Detection big = new Detection(0, 0.9, 0, 0, 2, 1);
        Detection half = new Detection(0, 0.8, 0, 0, 1, 1);
        assertThat(YoloDecoder.iou(big, half)).isEqualTo(0.5);
        assertThat(YoloDecoder.nms(List.of(big, half), 0.5, 300)).hasSize(2);
        assertThat(YoloDecoder.nms(List.of(big, half), 0.49, 300)).containsExactly(big);
    }

    @Test
    void maxDetectionsCutsTheBestFirstList() {
        List<Detection> d = YoloDecoder.decode(
                yolov8(ANCHORS), new long[] {1, 6, 8}, OutputLayout.YOLOV8, 2, new DetectionSettings(0.25, 0.7, 2));
        assertThat(d).extracting(Detection::score).containsExactly(0.9f * 1.0, 0.85f * 1.0);
    }

    @Test
    void endToEndRowsAreFilteredByScoreInModelOrderWithoutNms() {
        float[] out = {
            15, 20, 25, 40, 0.9f, 0,
            16, 20, 26, 40, 0.8f, 0,
            46, 26, 54, 34, 0.2f, 1,
            0, 0, 64, 64, 0.5f, 1,
            0, 0, 0, 0, 0, 0
        };
        List<Detection> d =
                YoloDecoder.decode(out, new long[] {1, 5, 6}, OutputLayout.END_TO_END, 2, DetectionSettings.DEFAULTS);
        assertThat(d).extracting(Detection::classId).containsExactly(0, 0, 1);
        assertThat(d.get(1).box()).containsExactly(16, 20, 26, 40);
        assertThat(d.get(2).score()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void layoutsAreRecognisedByShape() {
        assertThat(OutputLayout.of(new long[] {1, 84, 8400}, 80)).contains(OutputLayout.YOLOV8);
        assertThat(OutputLayout.of(new long[] {1, 300, 6}, 80)).contains(OutputLayout.END_TO_END);
        assertThat(OutputLayout.of(new long[] {-1, 84, -1}, 80)).contains(OutputLayout.YOLOV8);
        assertThat(OutputLayout.of(new long[] {1, 85, 8400}, 80)).isEmpty();
        assertThat(OutputLayout.of(new long[] {1, 25200, 85}, 80)).isEmpty();
        assertThat(OutputLayout.of(new long[] {1, 7, 3}, 2)).isEmpty();
        assertThat(OutputLayout.of(new long[] {1, 6}, 2)).isEmpty();
    }
}
