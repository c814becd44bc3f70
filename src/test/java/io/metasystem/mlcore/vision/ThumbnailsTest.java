package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThumbnailsTest {
    @Test
    void theLongestSideIsAtMost320TheAspectIsKeptAndNothingIsScaledUp() {
        Random random = new Random(17);
        for (int i = 0; i < 2000; i++) {
            int w = 1 + random.nextInt(5000);
            int h = 1 + random.nextInt(5000);
            int[] size = Thumbnails.size(w, h);
            assertThat(Math.max(size[0], size[1])).isLessThanOrEqualTo(Thumbnails.MAX_SIDE);
            assertThat(size[0]).isBetween(1, w);
            assertThat(size[1]).isBetween(1, h);
            if (Math.max(w, h) <= Thumbnails.MAX_SIDE) {
                assertThat(size).containsExactly(w, h);
            } else {
                assertThat(Math.max(size[0], size[1])).isEqualTo(Thumbnails.MAX_SIDE);
                // each side is the exact scaled side rounded (at least one pixel)
                double scale = (double) Thumbnails.MAX_SIDE / Math.max(w, h);
                assertThat((double) size[0]).isCloseTo(Math.max(1, w * scale), within(0.5));
                assertThat((double) size[1]).isCloseTo(Math.max(1, h * scale), within(0.5));
            }
        }
    }

    @Test
    void aLargeFrameBecomesAJpegOfTheScaledSizeWithItsColoursInPlace() throws IOException {
        int w = 640;
        int h = 320;
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = x < w / 2 ? 0xdd2222 : 0x2222dd;
            }
        }
        Thumbnails.Thumbnail t = Thumbnails.of(new Images.Decoded(w, h, rgb));
        assertThat(t.width()).isEqualTo(320);
        assertThat(t.height()).isEqualTo(160);
        assertThat(t.jpeg()[0] & 0xff).isEqualTo(0xFF);
        assertThat(t.jpeg()[1] & 0xff).isEqualTo(0xD8);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(t.jpeg()));
        assertThat(back.getWidth()).isEqualTo(320);
        assertThat(back.getHeight()).isEqualTo(160);
        int left = back.getRGB(40, 80);
        int right = back.getRGB(280, 80);
        assertThat((left >> 16) & 0xff).isGreaterThan(180);
        assertThat(left & 0xff).isLessThan(80);
        assertThat(right & 0xff).isGreaterThan(180);
        assertThat((right >> 16) & 0xff).isLessThan(80);
    }

    @Test
    void aSmallFrameKeepsItsSize() throws IOException {
        Thumbnails.Thumbnail t = Thumbnails.of(new Images.Decoded(128, 64, new int[128 * 64]));
        assertThat(t.width()).isEqualTo(128);
        assertThat(t.height()).isEqualTo(64);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(t.jpeg()));
        assertThat(back.getWidth()).isEqualTo(128);
        assertThat(back.getHeight()).isEqualTo(64);
    }
}
