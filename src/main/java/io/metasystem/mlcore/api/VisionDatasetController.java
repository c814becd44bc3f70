package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.vision.VisionDatasets;
import io.metasystem.mlcore.vision.YoloDataset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** COCO-labelled creatives exported as an Ultralytics YOLO dataset (docs/vision.md, "Training data"). */
@RestController
@Tag(name = "vision")
class VisionDatasetController {
    static final String ZIP = "application/zip";

    private final VisionDatasets datasets;

    VisionDatasetController(VisionDatasets datasets) {
        this.datasets = datasets;
    }

    @PostMapping(value = "/api/v1/vision/datasets/export", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Export COCO-labelled images as an Ultralytics YOLO dataset (a zip)",
            description = "Multipart parts 'annotations' (a COCO JSON, as for evaluate) and 'images' (a zip of the "
                    + "files images[].file_name names). Answers a zip with images/{train,val}/, labels/{train,val}/ "
                    + "(one 'class cx cy w h' line per box, normalised by the upright image's size, crowd boxes "
                    + "skipped, classes 0..n-1 in ascending COCO category id order) and data.yaml (path, train, val, "
                    + "names). val_fraction (default 0.2, 0 to 0.9) and seed (default 0) fix the split; path "
                    + "(default '.') is data.yaml's path. 400 malformed annotations, a corrupt zip or image, an "
                    + "unsafe entry name, a missing image or two images with one file name; 413 a zip over "
                    + "VISION_ZIP_MAX_ENTRIES, VISION_ZIP_MAX_SIZE or VISION_ZIP_MAX_RATIO, or an image over "
                    + "VISION_MAX_PIXELS.")
    ResponseEntity<byte[]> export(
            @RequestPart(value = "annotations", required = false) MultipartFile annotations,
            @RequestPart(value = "images", required = false) MultipartFile images,
            @RequestParam(name = "val_fraction", required = false) String valFraction,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String path)
            throws IOException {
        if (annotations == null) {
            throw new InvalidInputException("annotations", "is required (multipart part: a COCO JSON file)");
        }
        if (images == null) {
            throw new InvalidInputException("images", "is required (multipart part: a zip of the images)");
        }
        double fraction = 0.2;
        if (valFraction != null) {
            try {
                fraction = Double.parseDouble(valFraction.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("val_fraction", "must be a number, was '" + valFraction + "'");
            }
        }
        long s = 0;
        if (seed != null) {
            try {
                s = Long.parseLong(seed.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("seed", "must be an integer, was '" + seed + "'");
            }
        }
        YoloDataset.Export export =
                datasets.export(annotations.getBytes(), images.getBytes(), fraction, s, path == null ? "." : path);
        YoloDataset.Summary summary = export.summary();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yolo-dataset.zip\"")
                .header("X-Dataset-Train-Images", Integer.toString(summary.train()))
                .header("X-Dataset-Val-Images", Integer.toString(summary.val()))
                .header("X-Dataset-Boxes", Integer.toString(summary.boxes()))
                .body(export.zip());
    }
}
