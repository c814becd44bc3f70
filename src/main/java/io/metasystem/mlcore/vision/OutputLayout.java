package io.metasystem.mlcore.vision;

import java.util.Arrays;
import java.util.Optional;

/** The detection output layouts the service decodes. */
public enum OutputLayout {
    /** YOLOv8 / YOLO11: {@code [1, 4 + classes, anchors]}, rows {@code cx, cy, w, h, score_0 … score_nc-1}. */
    YOLOV8("yolov8", "[1, 4 + classes, anchors]"),
    /** End-to-end (YOLO26, {@code nms=True} exports): {@code [1, N, 6]}, rows {@code x1, y1, x2, y2, score, class}. */
    END_TO_END("end_to_end", "[1, N, 6]");

    /** Sentence naming every supported layout, for errors. */
    public static final String SUPPORTED = "supported output layouts: YOLOv8/YOLO11 [1, 4 + classes, anchors] "
            + "(box centre, size, class scores) and end-to-end [1, N, 6] (x1, y1, x2, y2, score, class)";

    private final String value;
    private final String shape;

    OutputLayout(String value, String shape) {
        this.value = value;
        this.shape = shape;
    }

    /** @return the API name ({@code yolov8}, {@code end_to_end}) */
    public String value() {
        return value;
    }

    /** @return the shape pattern */
    public String shape() {
        return shape;
    }

    /**
     * Recognises an output shape; a dimension below 1 is dynamic (any size). YOLOv8 is tried first.
     *
     * @param shape   the output tensor's dimensions
     * @param classes number of class names of the model
     * @return the layout, or empty when the shape is neither
     */
    public static Optional<OutputLayout> of(long[] shape, int classes) {
        if (shape.length != 3 || !(shape[0] == 1 || shape[0] < 1)) {
            return Optional.empty();
        }
        if (classes > 0 && shape[1] == 4L + classes && shape[2] != 0) {
            return Optional.of(YOLOV8);
        }
        if (shape[2] == 6 && shape[1] != 0) {
            return Optional.of(END_TO_END);
        }
        return Optional.empty();
    }

    /** @return the value named by {@link #value()} */
    public static OutputLayout ofValue(String value) {
        return Arrays.stream(values())
                .filter(l -> l.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown layout " + value));
    }
}
