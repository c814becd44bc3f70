package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The committed fixtures (src/test/resources/vision/make_fixtures.py) through ONNX Runtime. */
class OnnxDetectorTest {
    static byte[] fixture(String name) {
        try (InputStream in = OnnxDetectorTest.class.getResourceAsStream("/vision/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void yolov8FixtureDetectsThePlantedBoxesInOriginalPixels() {
        try (OnnxDetector model = OnnxDetector.load(fixture("yolov8_planted.onnx"))) {
            assertThat(model.layout()).isEqualTo(OutputLayout.YOLOV8);
            assertThat(model.metadata().names()).containsValues("person", "bicycle");
            assertThat(model.metadata().imgszWidth()).isEqualTo(64);
            // a 128 x 64 image: gain 0.5, 16 rows of padding on top; x' = x / 0.5, y' = (y - 16) / 0.5
            List<Detection> d = model.detect(new int[128 * 64], 128, 64, DetectionSettings.DEFAULTS);
            assertThat(d).extracting(Detection::classId).containsExactly(0, 1, 1, 0);
            assertThat(d.get(0).box()).containsExactly(30, 8, 50, 48);
            assertThat(d.get(1).box()).containsExactly(32, 8, 52, 48);
            assertThat(d.get(2).box()).containsExactly(100, 0, 128, 18);
            assertThat(d.get(3).box()).containsExactly(92, 20, 108, 36);
        }
    }

    @Test
    void endToEndFixtureKeepsTheModelsOrderAndClips() {
        try (OnnxDetector model = OnnxDetector.load(fixture("e2e_planted.onnx"))) {
            assertThat(model.layout()).isEqualTo(OutputLayout.END_TO_END);
            List<Detection> d = model.detect(new int[128 * 64], 128, 64, DetectionSettings.DEFAULTS);
            assertThat(d).extracting(Detection::classId).containsExactly(0, 0, 1);
            assertThat(d.get(1).box()).containsExactly(32, 8, 52, 48);
            // (0, 0, 64, 64) -> (0, -32, 128, 96) -> clipped
            assertThat(d.get(2).box()).containsExactly(0, 0, 128, 64);
        }
    }

    @Test
    void anUnsupportedShapeNamesTheSupportedLayouts() {
        assertThatThrownBy(() -> OnnxDetector.load(fixture("bad_shape.onnx")))
                .isInstanceOfSatisfying(
                        InvalidModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidModelException.Reason.UNSUPPORTED_LAYOUT))
                .hasMessageContaining("[1, 7, 3]")
                .hasMessageContaining("[1, 4 + classes, anchors]")
                .hasMessageContaining("[1, N, 6]");
    }

    @Test
    void bytesThatAreNotOnnxAreRefused() {
        assertThatThrownBy(() -> OnnxDetector.load("not a model".getBytes()))
                .isInstanceOfSatisfying(
                        InvalidModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidModelException.Reason.NOT_ONNX));
    }
}
