package io.metasystem.mlcore.vision;

/**
 * One detected object.
 *
 * @param classId class index of the model ({@code names} key)
 * @param score   confidence in [0, 1]
 * @param x1      left edge in pixels
 * @param y1      top edge in pixels
 * @param x2      right edge in pixels
 * @param y2      bottom edge in pixels
 */
public record Detection(int classId, double score, double x1, double y1, double x2, double y2) {
    /** @return the box area in square pixels (0 for an empty box) */
    public double area() {
        return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    }

    /** @return the same detection with another box */
    Detection withBox(double[] box) {
        return new Detection(classId, score, box[0], box[1], box[2], box[3]);
    }

    /** @return {@code x1, y1, x2, y2} */
    double[] box() {
        return new double[] {x1, y1, x2, y2};
    }
}
