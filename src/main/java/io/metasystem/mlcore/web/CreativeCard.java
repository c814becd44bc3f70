package io.metasystem.mlcore.web;

import io.metasystem.mlcore.vision.Creative;
import io.metasystem.mlcore.vision.CreativePreview;

import java.util.ArrayList;
import java.util.List;

/**
 * One creative on the creatives page: the stored creative, its ad set's name and its preview (null for a creative
 * stored before previews existed), with the boxes scaled to the thumbnail's pixels for the SVG overlay.
 *
 * @param creative  as stored
 * @param adsetName the ad set's name, or its id when the store has no name
 * @param preview   nullable
 */
record CreativeCard(Creative creative, String adsetName, CreativePreview preview) {
    /** Approximate advance of one label character in thumbnail pixels (11 px bold sans-serif). */
    static final double LABEL_CHAR_WIDTH = 6.5;
    /** Height of a label line in thumbnail pixels. */
    static final double LABEL_HEIGHT = 12;

    /**
     * A box in thumbnail pixels (the SVG's viewBox), clipped to the thumbnail, with where its label goes.
     *
     * @param className the model's class name
     * @param score     confidence in [0, 1]
     * @param labelX    left of the label, kept inside the thumbnail
     * @param labelY    baseline of the label: above the box, else inside its top, else inside its bottom, the first
     *                  place that overlaps no label of a better box (the last one when all do)
     */
    record Drawn(
            String className,
            double score,
            double x,
            double y,
            double width,
            double height,
            double labelX,
            double labelY) {}

    /** @return the preview's boxes in thumbnail pixels, best first; empty without a preview */
    public List<Drawn> boxes() {
        if (preview == null) {
            return List.of();
        }
        double s = preview.scale();
        List<double[]> labels = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        for (CreativePreview.Box b : preview.boxes()) {
            double x1 = clip(b.x1() * s, preview.width());
            double y1 = clip(b.y1() * s, preview.height());
            double x2 = clip(b.x2() * s, preview.width());
            double y2 = clip(b.y2() * s, preview.height());
            // "person 0.87": the class name, a space and four characters of score
            double labelWidth = (b.className().length() + 5) * LABEL_CHAR_WIDTH;
            double labelX = Math.max(0, Math.min(x1 + 2, preview.width() - labelWidth));
            double[] baselines = {y1 - 3, y1 + LABEL_HEIGHT - 1, y2 - 3};
            double labelY = baselines[baselines.length - 1];
            for (double baseline : baselines) {
                double[] box = {labelX, baseline - LABEL_HEIGHT + 2, labelWidth, LABEL_HEIGHT};
                if (box[1] >= 0 && labels.stream().noneMatch(l -> overlap(l, box))) {
                    labelY = baseline;
                    break;
                }
            }
            labels.add(new double[] {labelX, labelY - LABEL_HEIGHT + 2, labelWidth, LABEL_HEIGHT});
            drawn.add(new Drawn(
                    b.className(),
                    b.score(),
                    round(x1),
                    round(y1),
                    round(Math.max(0, x2 - x1)),
                    round(Math.max(0, y2 - y1)),
                    round(labelX),
                    round(labelY)));
        }
        return drawn;
    }

    /** Whether two rectangles {x, y, width, height} overlap. */
    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static double clip(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
