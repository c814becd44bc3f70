package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Ultralytics' LetterBox geometry and scale_boxes inverse, with values worked out by hand. */
class LetterboxTest {
    @Test
    void wideImageIsHalvedAndPaddedTopAndBottom() {
        Letterbox box = Letterbox.of(128, 64, 64, 64);
        // r = min(64/64, 64/128) = 0.5; 64 x 32; dh = 16 -> top = round(15.9) = 16
        assertThat(box.gain()).isEqualTo(0.5);
        assertThat(box.unpadWidth()).isEqualTo(64);
        assertThat(box.unpadHeight()).isEqualTo(32);
        assertThat(box.left()).isZero();
        assertThat(box.top()).isEqualTo(16);
    }

    @Test
    void fullHdTo640() {
        Letterbox box = Letterbox.of(1920, 1080, 640, 640);
        // r = 1/3; 640 x 360; dh = 140 -> top = round(139.9) = 140
        assertThat(box.unpadWidth()).isEqualTo(640);
        assertThat(box.unpadHeight()).isEqualTo(360);
        assertThat(box.top()).isEqualTo(140);
        assertThat(box.left()).isZero();
    }

    @Test
    void roundsHalfToEvenLikePython() {
        // r = min(4/8, 4/5) = 0.5; round(5 * 0.5) = round(2.5) = 2 in Python (Math.round would say 3)
        Letterbox box = Letterbox.of(5, 8, 4, 4);
        assertThat(box.unpadWidth()).isEqualTo(2);
        assertThat(box.unpadHeight()).isEqualTo(4);
        // dw = 1 -> left = round(0.9) = 1
        assertThat(box.left()).isEqualTo(1);
        assertThat(box.top()).isZero();
    }

    @Test
    void oddPaddingPutsTheExtraRowAtTheBottom() {
        // r = 0.64; round(33 * 0.64) = round(21.12) = 21; dh = 21.5 -> top = round(21.4) = 21 (bottom 22)
        Letterbox box = Letterbox.of(100, 33, 64, 64);
        assertThat(box.unpadHeight()).isEqualTo(21);
        assertThat(box.top()).isEqualTo(21);
        // scale_boxes' pad: round((64 - 33 * 0.64) / 2 - 0.1) = round(21.34) = 21
        double[] back = box.toOriginal(new double[] {0, 21, 64, 42});
        assertThat(back[0]).isZero();
        assertThat(back[1]).isCloseTo(0, within(1e-9));
        assertThat(back[2]).isCloseTo(100, within(1e-9));
        // (42 - 21) / 0.64 = 32.8125
        assertThat(back[3]).isCloseTo(32.8125, within(1e-9));
    }

    @Test
    void boxesMapBackAndAreClippedToTheImage() {
        Letterbox box = Letterbox.of(128, 64, 64, 64);
        assertThat(box.toOriginal(new double[] {15, 20, 25, 40})).containsExactly(30, 8, 50, 48);
        // (50, 15, 70, 25) -> (100, -2, 140, 18) -> clipped to (100, 0, 128, 18)
        assertThat(box.toOriginal(new double[] {50, 15, 70, 25})).containsExactly(100, 0, 128, 18);
    }

    @Test
    void tensorIsBilinearRgbOverGreyPaddingInChwOrder() {
        // a red and a blue pixel, 2 x 1, into 4 x 4: r = 2, 4 x 2, top = round(0.9) = 1
        Letterbox box = Letterbox.of(2, 1, 4, 4);
        assertThat(box.top()).isEqualTo(1);
        float[] t = box.tensor(new int[] {0xff0000, 0x0000ff});
        float pad = 114 / 255f;
        // source x = (x + 0.5) / 2 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to pixel 1)
        float[] red = {255 / 255f, 191 / 255f, 64 / 255f, 0};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                boolean image = y == 1 || y == 2;
                assertThat(t[y * 4 + x]).as("R %d,%d", x, y).isEqualTo(image ? red[x] : pad);
                assertThat(t[16 + y * 4 + x]).as("G %d,%d", x, y).isEqualTo(image ? 0f : pad);
                assertThat(t[32 + y * 4 + x]).as("B %d,%d", x, y).isEqualTo(image ? red[3 - x] : pad);
            }
        }
    }
}
