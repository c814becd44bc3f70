package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.ml.ModelStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A registered vision model (the artifact bytes are not part of this view).
 *
 * @param version     registry version, increasing
 * @param fileName    uploaded file name, nullable
 * @param sha256      SHA-256 of the ONNX artifact (hex)
 * @param sizeBytes   artifact size in bytes
 * @param names       class index → name
 * @param imgsz       network input {@code [height, width]} in pixels
 * @param stride      model stride, nullable
 * @param task        Ultralytics task, nullable
 * @param license     licence of the export, nullable
 * @param description model description, nullable
 * @param ultralyticsVersion Ultralytics version that exported it, nullable
 * @param layout      output layout ({@code yolov8} or {@code end_to_end})
 * @param outputShape declared output shape (−1 = dynamic)
 * @param status      champion, challenger or retired
 * @param decision    why it has that status
 * @param createdAt   registration time (UTC)
 * @param promotedAt  last time it became champion, nullable
 * @param metrics     the result of its latest succeeded evaluation ({@code POST .../evaluate}: {@code map},
 *                    {@code map50}, per class, the job and the annotations' SHA-256), nullable
 */
public record VisionModel(
        long version,
        String fileName,
        String sha256,
        long sizeBytes,
        Map<Integer, String> names,
        List<Integer> imgsz,
        Integer stride,
        String task,
        String license,
        String description,
        String ultralyticsVersion,
        String layout,
        List<Long> outputShape,
        ModelStatus status,
        String decision,
        OffsetDateTime createdAt,
        OffsetDateTime promotedAt,
        Map<String, Object> metrics) {}
