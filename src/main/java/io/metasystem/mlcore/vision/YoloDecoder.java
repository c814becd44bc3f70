package io.metasystem.mlcore.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a raw detection output into boxes, as Ultralytics' {@code ops.non_max_suppression} does (single label per
 * box, class-aware):
 *
 * <ul>
 *   <li>{@link OutputLayout#YOLOV8}: per anchor, the best class score and its class; candidates with a score strictly
 *       above {@code confidence}; {@code cx, cy, w, h → x1 = cx − w/2, …}; the top 30 000 by score; per-class NMS
 *       (torchvision's {@code nms} on boxes offset by {@code class × 7680}: a box is dropped when its IoU with a
 *       higher-scoring kept box of its class is strictly above {@code iou}); the first {@code maxDetections}.
 *   <li>{@link OutputLayout#END_TO_END}: rows with a score strictly above {@code confidence}, in model order, the
 *       first {@code maxDetections}; no NMS (the model did it).
 * </ul>
 *
 * <p>Boxes stay in network-input pixels; {@link Letterbox#toOriginal} maps them back. Pure and deterministic: ties in
 * score keep the model's order (a stable sort).
 */
public final class YoloDecoder {
    /** Ultralytics' {@code max_nms}: candidates kept before NMS. */
    static final int MAX_NMS = 30_000;

    private YoloDecoder() {}

    /**
     * @param output  the output tensor, row-major
     * @param shape   its dimensions ({@code [1, 4 + classes, anchors]} or {@code [1, N, 6]})
     * @param layout  how to read it
     * @param classes number of classes (YOLOv8 layout; the end-to-end class column is used as is)
     * @return detections in network-input pixels, best first (end-to-end: model order)
     * @throws IllegalArgumentException if the shape does not match the layout or the data length
     */
    public static List<Detection> decode(
            float[] output, long[] shape, OutputLayout layout, int classes, DetectionSettings settings) {
        if (shape.length != 3 || output.length != shape[0] * shape[1] * shape[2]) {
            throw new IllegalArgumentException(
                    "output of " + output.length + " values does not match shape " + Arrays.toString(shape));
        }
        return switch (layout) {
            case YOLOV8 -> decodeYolov8(output, (int) shape[1], (int) shape[2], classes, settings);
            case END_TO_END -> decodeEndToEnd(output, (int) shape[1], (int) shape[2], settings);
        };
    }

    private static List<Detection> decodeYolov8(float[] out, int rows, int anchors, int classes, DetectionSettings s) {
        if (rows != 4 + classes) {
            throw new IllegalArgumentException("YOLOv8 layout needs 4 + " + classes + " rows, got " + rows);
        }
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int best = 0;
            float bestScore = out[4 * anchors + a];
            for (int c = 1; c < classes; c++) {
                float v = out[(4 + c) * anchors + a];
                if (v > bestScore) {
                    bestScore = v;
                    best = c;
                }
            }
            if (bestScore > s.confidence()) {
                double cx = out[a];
                double cy = out[anchors + a];
                double w = out[2 * anchors + a];
                double h = out[3 * anchors + a];
                candidates.add(new Detection(best, bestScore, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
            }
        }
        candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
        if (candidates.size() > MAX_NMS) {
            candidates = new ArrayList<>(candidates.subList(0, MAX_NMS));
        }
        return nms(candidates, s.iou(), s.maxDetections());
    }

    private static List<Detection> decodeEndToEnd(float[] out, int n, int cols, DetectionSettings s) {
        if (cols != 6) {
            throw new IllegalArgumentException("end-to-end layout needs 6 columns, got " + cols);
        }
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < n && kept.size() < s.maxDetections(); i++) {
            int o = i * 6;
            if (out[o + 4] > s.confidence()) {
                kept.add(new Detection((int) out[o + 5], out[o + 4], out[o], out[o + 1], out[o + 2], out[o + 3]));
            }
        }
        return kept;
    }

    /**
     * Greedy class-aware NMS (torchvision semantics) on detections sorted best first.
     *
     * @param sorted detections, best score first
     * @param iou    suppression threshold (strictly above suppresses)
     * @param max    at most this many are returned
     */
    static List<Detection> nms(List<Detection> sorted, double iou, int max) {
        List<Detection> kept = new ArrayList<>();
        boolean[] removed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size() && kept.size() < max; i++) {
            if (removed[i]) {
                continue;
            }
            Detection d = sorted.get(i);
            kept.add(d);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!removed[j] && sorted.get(j).classId() == d.classId() && iou(d, sorted.get(j)) > iou) {
                    removed[j] = true;
                }
            }
        }
        return kept;
    }

    /** Intersection over union of two boxes ({@code 0} when both are empty). */
    static double iou(Detection a, Detection b) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        double inter = Math.max(0, w) * Math.max(0, h);
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
