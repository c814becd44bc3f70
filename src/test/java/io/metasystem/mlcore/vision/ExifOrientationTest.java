package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPEGs with an EXIF Orientation tag are decoded upright. The fixture is made here: a 64 x 32 JPEG whose quadrants
 * are red (top left), green (top right), blue (bottom left) and white (bottom right), with an APP1 Exif segment
 * written byte by byte (TIFF header, IFD0 with one SHORT tag 0x0112). The expected corners are worked out by hand
 * from the EXIF definitions (Pillow's {@code exif_transpose}: 2 mirror, 3 rotate 180°, 4 flip, 5 transpose,
 * 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise).
 */
public class ExifOrientationTest {
    public static byte[] quadrants() throws IOException {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = y < 16 ? (x < 32 ? 0xFF0000 : 0x00FF00) : (x < 32 ? 0x0000FF : 0xFFFFFF);
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an Exif APP1 segment holding {@code Orientation = orientation} right after SOI. */
    public static byte[] withOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        byte[] tiff = bigEndian
                ? new byte[] {
                    'M',
                    'M',
                    0,
                    42,
                    0,
                    0,
                    0,
                    8,
                    0,
                    1,
                    1,
                    0x12,
                    0,
                    3,
                    0,
                    0,
                    0,
                    1,
                    0,
                    (byte) orientation,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0
                }
                : new byte[] {
                    'I',
                    'I',
                    42,
                    0,
                    8,
                    0,
                    0,
                    0,
                    1,
                    0,
                    0x12,
                    1,
                    3,
                    0,
                    1,
                    0,
                    0,
                    0,
                    (byte) orientation,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0
                };
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String colour(Images.Decoded d, int x, int y) {
        int rgb = d.rgb()[y * d.width() + x];
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r > 200 && g > 200 && b > 200) {
            return "W";
        }
        return r > 200 && g < 60 && b < 60 ? "R" : g > 200 && r < 60 && b < 60 ? "G" : b > 200 && r < 60 ? "B" : "?";
    }

    @ParameterizedTest(name = "orientation {0}: {1} x {2}, corners {3}")
    @CsvSource({
        "1, 64, 32, RGBW",
        "2, 64, 32, GRWB",
        "3, 64, 32, WBGR",
        "4, 64, 32, BWRG",
        "5, 32, 64, RBGW",
        "6, 32, 64, BRWG",
        "7, 32, 64, WGBR",
        "8, 32, 64, GWRB"
    })
    void decodesUpright(int orientation, int width, int height, String corners) throws IOException {
        for (boolean bigEndian : new boolean[] {true, false}) {
            byte[] jpeg = withOrientation(quadrants(), orientation, bigEndian);
            assertThat(Images.orientation(jpeg)).isEqualTo(orientation);
            Images.Decoded d = Images.decode(jpeg, 1_000_000, "image");
            assertThat(d.width()).isEqualTo(width);
            assertThat(d.height()).isEqualTo(height);
            int w = d.width() - 1;
            int h = d.height() - 1;
            // corners sampled 4 pixels in, clear of JPEG ringing at the quadrant edges
            String seen = colour(d, 4, 4) + colour(d, w - 4, 4) + colour(d, 4, h - 4) + colour(d, w - 4, h - 4);
            assertThat(seen).isEqualTo(corners);
        }
    }

    @Test
    void withoutATagOrWithABadOneTheStoredGridIsKept() throws IOException {
        byte[] plain = quadrants();
        assertThat(Images.orientation(plain)).isEqualTo(1);
        assertThat(Images.orientation(withOrientation(plain, 9, true))).isEqualTo(1);
        assertThat(Images.orientation(withOrientation(plain, 0, false))).isEqualTo(1);
        assertThat(Images.decode(withOrientation(plain, 9, true), 1_000_000, "image")
                        .width())
                .isEqualTo(64);
        assertThat(Images.orientation(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(1);
        assertThat(Images.orientation(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isEqualTo(1);
    }
}
