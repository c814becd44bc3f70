package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagesTest {
    static byte[] png(int w, int h, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void decodesPixelsAsPackedRgb() throws IOException {
        Images.Decoded d = Images.decode(png(3, 2, 0x123456), 6, "image");
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.rgb()).containsOnly(0x123456).hasSize(6);
    }

    @Test
    void overThePixelLimitIs413BeforeDecoding() throws IOException {
        assertThatThrownBy(() -> Images.decode(png(3, 2, 0), 5, "image"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.TOO_LARGE);
                    assertThat(e.errors().get(0).field()).isEqualTo("image");
                })
                .hasMessageContaining("3 x 2 = 6 pixels")
                .hasMessageContaining("VISION_MAX_PIXELS");
    }

    @Test
    void textAndTruncatedFilesAreInvalidInput() throws IOException {
        assertThatThrownBy(() -> Images.decode("hello".getBytes(), 100, "image"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an image");
        byte[] png = png(8, 8, 0xff0000);
        byte[] truncated = new byte[40];
        System.arraycopy(png, 0, truncated, 0, 40);
        assertThatThrownBy(() -> Images.decode(truncated, 100, "image"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("corrupt");
    }
}
