package io.metasystem.mlcore.vision;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Small JPEG thumbnails of analysed frames for the dashboard: the longest side scaled down to at most
 * {@value #MAX_SIDE} pixels (never up) with the JDK's area-averaging filter, written by ImageIO's JPEG writer.
 */
public final class Thumbnails {
    /** Longest side of a thumbnail in pixels. */
    public static final int MAX_SIDE = 320;

    private Thumbnails() {}

    /**
     * A JPEG thumbnail.
     *
     * @param jpeg   the JPEG file's bytes
     * @param width  in pixels
     * @param height in pixels
     */
    public record Thumbnail(byte[] jpeg, int width, int height) {}

    /** @return the thumbnail's width and height for a frame of {@code width} x {@code height}: aspect kept, ≥ 1 */
    static int[] size(int width, int height) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /** @param frame upright packed RGB pixels */
    static Thumbnail of(Images.Decoded frame) {
        BufferedImage source = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, frame.width(), frame.height(), frame.rgb(), 0, frame.width());
        int[] size = size(frame.width(), frame.height());
        BufferedImage target = source;
        if (size[0] != frame.width() || size[1] != frame.height()) {
            target = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = target.createGraphics();
            try {
                g.drawImage(source.getScaledInstance(size[0], size[1], Image.SCALE_AREA_AVERAGING), 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(target, "jpg", out)) {
                throw new IllegalStateException("ImageIO has no JPEG writer");
            }
            return new Thumbnail(out.toByteArray(), size[0], size[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
