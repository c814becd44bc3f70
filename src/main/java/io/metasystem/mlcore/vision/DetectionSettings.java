package io.metasystem.mlcore.vision;

/**
 * Post-processing thresholds, with Ultralytics' prediction defaults.
 *
 * @param confidence keep candidates whose best class score is strictly above this, in [0, 1]
 * @param iou        suppress a box whose IoU with a kept box of the same class is strictly above this, in [0, 1]
 * @param maxDetections keep at most this many boxes per image, ≥ 1
 */
public record DetectionSettings(double confidence, double iou, int maxDetections) {
    /** Ultralytics' {@code predict} defaults: conf 0.25, IoU 0.7, max_det 300. */
    public static final DetectionSettings DEFAULTS = new DetectionSettings(0.25, 0.7, 300);
    /** Ultralytics' validation confidence (mAP needs the low-score tail). */
    public static final double VALIDATION_CONFIDENCE = 0.001;

    /** @throws IllegalArgumentException if a threshold is outside [0, 1] or maxDetections < 1 */
    public DetectionSettings {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("conf: must be in [0, 1], was " + confidence);
        }
        if (!(iou >= 0 && iou <= 1)) {
            throw new IllegalArgumentException("iou: must be in [0, 1], was " + iou);
        }
        if (maxDetections < 1) {
            throw new IllegalArgumentException("max_det: must be at least 1, was " + maxDetections);
        }
    }
}
