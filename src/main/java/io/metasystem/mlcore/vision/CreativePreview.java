package io.metasystem.mlcore.vision;

import java.util.List;

/**
 * What the dashboard draws for a creative ({@code vision_creative_preview}, V86): the size of its stored JPEG
 * thumbnail ({@link Thumbnails}) and the objects detected in its first analysed frame (a video: the first sampled
 * frame, the one the thumbnail shows).
 *
 * @param creativeId     the creative
 * @param width          thumbnail width in pixels
 * @param height         thumbnail height in pixels
 * @param originalWidth  width of the analysed frame in pixels (upright)
 * @param originalHeight height of the analysed frame in pixels (upright)
 * @param boxes          the first frame's detections, best first, boxes in the original's pixels
 */
public record CreativePreview(
        String creativeId, int width, int height, int originalWidth, int originalHeight, List<Box> boxes) {
    public CreativePreview {
        if (width < 1 || height < 1 || originalWidth < 1 || originalHeight < 1) {
            throw new IllegalArgumentException("sizes must be positive, were " + width + "x" + height + " of "
                    + originalWidth + "x" + originalHeight);
        }
        boxes = List.copyOf(boxes);
    }

    /** @return thumbnail pixels per original pixel (at most 1) */
    public double scale() {
        return (double) width / originalWidth;
    }

    /**
     * One detected object of the first frame.
     *
     * @param classId   class index of the model
     * @param className class name of the model ({@code names})
     * @param score     confidence in [0, 1]
     * @param x1        left edge in the original's pixels
     * @param y1        top edge in the original's pixels
     * @param x2        right edge in the original's pixels
     * @param y2        bottom edge in the original's pixels
     */
    public record Box(int classId, String className, double score, double x1, double y1, double x2, double y2) {
        static Box of(VisionDetection.Found found) {
            double[] b = found.box();
            return new Box(found.classId(), found.className(), found.score(), b[0], b[1], b[2], b[3]);
        }
    }
}
