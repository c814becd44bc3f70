package io.metasystem.mlcore.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.vision.DetectionSettings;
import io.metasystem.mlcore.vision.VisionDetection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Object detection on one image with a registered YOLO model (docs/vision.md). */
@RestController
@Tag(name = "vision")
class VisionDetectController {
    private final VisionDetection detection;

    VisionDetectController(VisionDetection detection) {
        this.detection = detection;
    }

    /** Answer of {@code POST /api/v1/vision/detect}. */
    record DetectResponse(long modelVersion, ImageSize image, List<DetectedObject> detections) {}

    /** Image size in pixels. */
    record ImageSize(int width, int height) {}

    /** One object; {@code box} is {@code [x1, y1, x2, y2]} in the image's pixels. */
    record DetectedObject(
            int classId, @JsonProperty("class") String className, double score, double[] box) {}

    @PostMapping(
            value = "/api/v1/vision/detect",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Detect objects in an image (multipart part 'image': PNG, JPEG, GIF or BMP)",
            description = "model_version (default: the champion), conf (default 0.25), iou (default 0.7), max_det "
                    + "(default 300), as Ultralytics' predict. Boxes are [x1, y1, x2, y2] in the image's pixels, "
                    + "best first. 400 not an image or a corrupt one; 404 unknown model_version or no model; 413 "
                    + "over VISION_MAX_PIXELS; 503 when all VISION_MAX_CONCURRENCY slots stay busy.")
    DetectResponse detect(
            @RequestPart("image") MultipartFile image,
            @RequestParam(name = "model_version", required = false) String modelVersion,
            @RequestParam(required = false) String conf,
            @RequestParam(required = false) String iou,
            @RequestParam(name = "max_det", required = false) String maxDet)
            throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        Long version = null;
        if (modelVersion != null) {
            try {
                version = Long.parseLong(modelVersion.strip());
                if (version < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(
                        new FieldProblem("model_version", "must be a positive integer, was '" + modelVersion + "'"));
            }
        }
        double c = fraction("conf", conf, DetectionSettings.DEFAULTS.confidence(), problems);
        double i = fraction("iou", iou, DetectionSettings.DEFAULTS.iou(), problems);
        int max = DetectionSettings.DEFAULTS.maxDetections();
        if (maxDet != null) {
            try {
                max = Integer.parseInt(maxDet.strip());
                if (max < 1 || max > 10_000) {
                    problems.add(new FieldProblem("max_det", "must be between 1 and 10000, was " + max));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("max_det", "must be an integer, was '" + maxDet + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VisionDetection.Result r = detection.detect(version, image.getBytes(), new DetectionSettings(c, i, max));
        return new DetectResponse(
                r.modelVersion(),
                new ImageSize(r.width(), r.height()),
                r.detections().stream()
                        .map(d -> new DetectedObject(d.classId(), d.className(), d.score(), d.box()))
                        .toList());
    }

    static double fraction(String field, String value, double fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(value.strip());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be a number in [0, 1], was '" + value + "'"));
        return fallback;
    }
}
