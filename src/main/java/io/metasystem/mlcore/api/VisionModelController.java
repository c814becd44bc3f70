package io.metasystem.mlcore.api;

import io.metasystem.mlcore.vision.VisionModel;
import io.metasystem.mlcore.vision.VisionModelRegistry;
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
import java.util.List;

/** The vision model registry: Ultralytics ONNX exports, champion, promote and rollback (docs/vision.md). */
@RestController
@Tag(name = "vision")
class VisionModelController {
    private final VisionModelRegistry registry;

    VisionModelController(VisionModelRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(
            value = "/api/v1/vision/models",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register a YOLO detection model exported by Ultralytics (`yolo export format=onnx`)",
            description = "Multipart part 'file' (up to MAX_IMPORT_SIZE). Reads names, imgsz, stride, task and "
                    + "license from the export's metadata and the output layout: YOLOv8/YOLO11 [1, 4 + classes, "
                    + "anchors] or end-to-end [1, N, 6]. 201 with the new version (the first becomes champion); "
                    + "200 with the existing version when the same file (SHA-256) is already registered; 400 not "
                    + "an ONNX file; 422 no Ultralytics metadata or an unsupported output shape.")
    ResponseEntity<VisionModel> upload(@RequestPart("file") MultipartFile file) throws IOException {
        VisionModelRegistry.Registration r = registry.register(file.getBytes(), file.getOriginalFilename());
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(r.model());
    }

    @GetMapping(value = "/api/v1/vision/models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vision model versions, newest first")
    List<VisionModel> models() {
        return registry.list();
    }

    @GetMapping(value = "/api/v1/vision/models/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One vision model version")
    VisionModel model(@PathVariable String version) {
        return registry.get(version(version));
    }

    @PostMapping(value = "/api/v1/vision/models/{version}/promote", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make a vision model version the champion (manual promotion)")
    VisionModel promote(@PathVariable String version) {
        return registry.promote(version(version));
    }

    @PostMapping(value = "/api/v1/vision/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reinstate the previous vision champion")
    VisionModel rollback() {
        return registry.rollback();
    }

    static long version(String value) {
        return VisionVersions.parse(value, "version");
    }
}
