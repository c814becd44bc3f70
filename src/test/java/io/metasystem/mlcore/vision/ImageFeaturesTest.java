package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageFeaturesTest {
    @Test
    void greyHasNoContrastAndNoColour() {
        int[] grey = new int[6];
        Arrays.fill(grey, 0x808080);
        ImageFeatures f = ImageFeatures.of(grey, 3, 2);
        assertThat(f.brightness()).isCloseTo(128 / 255.0, within(1e-9));
        assertThat(f.contrast()).isCloseTo(0, within(1e-9));
        assertThat(f.colourfulness()).isCloseTo(0, within(1e-9));
        assertThat(f.aspectRatio()).isEqualTo(1.5);
    }

    @Test
    void blackAndWhiteHalvesHaveHalfBrightnessAndHalfContrast() {
        ImageFeatures f = ImageFeatures.of(new int[] {0x000000, 0xffffff}, 2, 1);
        // luma 0 and 255 (0.299 + 0.587 + 0.114 = 1): mean 127.5, standard deviation 127.5
        assertThat(f.brightness()).isCloseTo(0.5, within(1e-9));
        assertThat(f.contrast()).isCloseTo(0.5, within(1e-9));
        assertThat(f.colourfulness()).isCloseTo(0, within(1e-9));
    }

    @Test
    void pureRedColourfulnessIsPointThreeTimesItsMeanOpponentVector() {
        ImageFeatures f = ImageFeatures.of(new int[] {0xff0000, 0xff0000}, 1, 2);
        // rg = 255, yb = 127.5, no spread: M = 0.3 sqrt(255^2 + 127.5^2)
        assertThat(f.colourfulness()).isCloseTo(0.3 * Math.sqrt(255 * 255 + 127.5 * 127.5), within(1e-9));
        assertThat(f.brightness()).isCloseTo(0.299, within(1e-9));
        assertThat(f.aspectRatio()).isEqualTo(0.5);
    }
}
