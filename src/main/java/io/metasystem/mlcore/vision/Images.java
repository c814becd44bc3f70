package io.metasystem.mlcore.vision;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
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

/**
 * Decodes uploaded images (PNG, JPEG, GIF, BMP: what the JDK's ImageIO reads) with a pixel limit. A JPEG with an
 * EXIF Orientation tag (1–8, read with Drew Noakes' metadata-extractor) is turned upright as Pillow's
 * {@code ImageOps.exif_transpose} and OpenCV's {@code imread} do, so sizes and boxes are those of the upright image.
 */
public final class Images {
    private Images() {}

    /**
     * The EXIF Orientation of a JPEG (IFD0 tag 0x0112): 1 upright, 2 mirrored left-right, 3 rotated 180°, 4 mirrored
     * top-bottom, 5 transposed, 6 to be rotated 90° clockwise, 7 transversed, 8 to be rotated 90° counter-clockwise.
     *
     * @return 1 when the bytes are not a JPEG, carry no such tag, an out-of-range value or unreadable metadata
     */
    public static int orientation(byte[] bytes) {
        if (bytes == null || bytes.length < 4 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
            return 1;
        }
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            for (ExifIFD0Directory d : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (d.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
                    int o = d.getInt(ExifDirectoryBase.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
        } catch (JpegProcessingException | IOException | MetadataException | RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** The stored pixel grid turned upright for EXIF {@code orientation} (5–8 swap width and height). */
    static Decoded upright(Decoded stored, int orientation) {
        if (orientation == 1) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swap = orientation >= 5;
        int uw = swap ? h : w;
        int uh = swap ? w : h;
        int[] out = new int[uw * uh];
        for (int dy = 0; dy < uh; dy++) {
            for (int dx = 0; dx < uw; dx++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - dx;
                        sy = dy;
                    }
                    case 3 -> {
                        sx = w - 1 - dx;
                        sy = h - 1 - dy;
                    }
                    case 4 -> {
                        sx = dx;
                        sy = h - 1 - dy;
                    }
                    case 5 -> {
                        sx = dy;
                        sy = dx;
                    }
                    case 6 -> {
                        sx = dy;
                        sy = h - 1 - dx;
                    }
                    case 7 -> {
                        sx = w - 1 - dy;
                        sy = h - 1 - dx;
                    }
                    case 8 -> {
                        sx = w - 1 - dy;
                        sy = dx;
                    }
                    default -> throw new IllegalArgumentException("EXIF orientation must be 1-8, was " + orientation);
                }
                out[dy * uw + dx] = stored.rgb()[sy * w + sx];
            }
        }
        return new Decoded(uw, uh, out);
    }

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
                return upright(new Decoded(w, h, rgb), orientation(bytes));
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
