package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.vision.VisionEvaluations;
import io.metasystem.mlcore.vision.VisionJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** COCO evaluation of a vision model as a job; promotion on evaluation (docs/vision.md). */
@RestController
@Tag(name = "vision")
class VisionEvaluationController {
    private final VisionEvaluations evaluations;

    VisionEvaluationController(VisionEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(
            value = "/api/v1/vision/models/{version}/evaluate",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Evaluate a vision model on a COCO data set (a job)",
            description = "Multipart parts 'annotations' (a COCO JSON: images, annotations with bbox [x, y, w, h], "
                    + "area, iscrowd, categories) and 'images' (a zip of the files images[].file_name names), "
                    + "together up to MAX_IMPORT_SIZE. 202 with the queued job; GET /api/v1/vision/jobs/{id} "
                    + "follows it. The result is computed as pycocotools does (mAP@[.50:.95], mAP50, mAP75, by "
                    + "area, AR, per class) at conf 0.001 as Ultralytics' val; it becomes the model's metrics and "
                    + "the model is promoted when it beats the champion's latest evaluation on the same annotations. "
                    + "400 malformed annotations, a corrupt zip, an unsafe entry name or a missing image; 404 "
                    + "unknown version; 413 a zip over VISION_ZIP_MAX_ENTRIES, VISION_ZIP_MAX_SIZE or "
                    + "VISION_ZIP_MAX_RATIO; 422 no category is a class of the model.")
    ResponseEntity<VisionJob> evaluate(
            @PathVariable String version,
            @RequestPart(value = "annotations", required = false) MultipartFile annotations,
            @RequestPart(value = "images", required = false) MultipartFile images)
            throws IOException {
        long v = VisionVersions.parse(version, "version");
        if (annotations == null) {
            throw new InvalidInputException("annotations", "is required (multipart part: a COCO JSON file)");
        }
        if (images == null) {
            throw new InvalidInputException("images", "is required (multipart part: a zip of the images)");
        }
        VisionJob job = evaluations.submit(v, annotations.getBytes(), images.getBytes());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
    }

    @GetMapping(value = "/api/v1/vision/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A vision evaluation job: status, progress (images done), result and promotion decision")
    VisionJob job(@PathVariable String id) {
        return evaluations.get(id);
    }
}
