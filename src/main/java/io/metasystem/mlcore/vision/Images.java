package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Decodes uploaded images (PNG, JPEG, GIF, BMP: what the JDK's ImageIO reads) with a pixel limit. */
public final class Images {
    private Images() {}

    /**
     * Packed RGB pixels of an image.
     *
     * @param width  in pixels
     * @param height in pixels
     * @param rgb    {@code 0xRRGGBB}, row-major (alpha dropped)
     */
    public record Decoded(int width, int height, int[] rgb) {}

    /** @return whether ImageIO has a reader for these bytes (their header), without decoding them */
    public static boolean readable(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return false;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the size from the header first and refuses images over {@code maxPixels} before decoding them.
     *
     * @param field the request part, named in errors
     * @throws InvalidInputException (400) when the bytes are not an image ImageIO reads, or are corrupt
     * @throws ProblemException 413 when width x height exceeds {@code maxPixels} ({@code VISION_MAX_PIXELS})
     */
    public static Decoded decode(byte[] bytes, long maxPixels, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(field, "is empty");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInputException(field, "is not an image (PNG, JPEG, GIF or BMP expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > maxPixels) {
                    String detail = "the image has " + w + " x " + h + " = " + (long) w * h
                            + " pixels, over the limit of " + maxPixels + " (VISION_MAX_PIXELS)";
                    throw new ProblemException(
                            ProblemKind.TOO_LARGE,
                            null,
                            detail,
                            List.of(new FieldProblem(field, detail)),
                            Map.of("max_pixels", maxPixels),
                            null);
                }
                BufferedImage image = reader.read(0);
                int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
                for (int i = 0; i < rgb.length; i++) {
                    rgb[i] &= 0xffffff;
                }
                return new Decoded(w, h, rgb);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new InvalidInputException(
                    field, "is a corrupt or truncated image (" + e.getClass().getSimpleName() + ")");
        }
    }
}
