package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.vision.Creative;
import io.metasystem.mlcore.vision.VisionCreatives;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

/** Creatives of an ad set analysed by the vision model; their features join the ad set's attributes. */
@RestController
@Tag(name = "vision")
class VisionCreativeController {
    private static final String PATH = "/api/v1/accounts/{account_id}/adsets/{adset_id}/creatives";

    private final VisionCreatives creatives;

    VisionCreativeController(VisionCreatives creatives) {
        this.creatives = creatives;
    }

    @PostMapping(
            value = PATH,
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Analyse a creative of an ad set (an image, or a video at one frame per second)",
            description = "Multipart part 'file' (PNG, JPEG, GIF, BMP; MP4, MOV, WebM, MKV, AVI through ffmpeg), up "
                    + "to MAX_IMPORT_SIZE; model_version (default: the champion). Runs the model with Ultralytics' "
                    + "predict defaults and stores the features: per class presence, count and area share, people "
                    + "in the first 3 seconds, brightness, contrast, colourfulness, dominant colours, aspect ratio, "
                    + "duration. 201 new; 200 when the same bytes are already stored for the ad set (re-analysed "
                    + "when another model_version is asked for, or when it has no thumbnail yet). With the "
                    + "features a JPEG thumbnail (longest side 320 px) and the first frame's detections are stored "
                    + "for the dashboard's creatives page. The ad set's creative_* attributes are recomputed "
                    + "from all its creatives (answered as attributes). 400 neither an image nor a video; 404 "
                    + "unknown account, ad set or model; 413 over VISION_MAX_PIXELS; 503 a video without ffmpeg.")
    ResponseEntity<Creative> upload(
            @PathVariable("account_id") String accountId,
            @PathVariable("adset_id") String adsetId,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(name = "model_version", required = false) String modelVersion)
            throws IOException {
        String account = Parameters.accountId(accountId);
        if (file == null) {
            throw new InvalidInputException("file", "is required (multipart part: an image or a video)");
        }
        Long version = modelVersion == null ? null : VisionVersions.parse(modelVersion, "model_version");
        VisionCreatives.Upload u =
                creatives.analyse(account, adsetId, file.getBytes(), file.getOriginalFilename(), version);
        return ResponseEntity.status(u.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(u.creative());
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The analysed creatives of an ad set, oldest first")
    List<Creative> list(@PathVariable("account_id") String accountId, @PathVariable("adset_id") String adsetId) {
        return creatives.list(Parameters.accountId(accountId), adsetId);
    }

    @GetMapping(value = PATH + "/{creative_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One analysed creative of an ad set")
    Creative one(
            @PathVariable("account_id") String accountId,
            @PathVariable("adset_id") String adsetId,
            @PathVariable("creative_id") String creativeId) {
        return creatives.get(Parameters.accountId(accountId), adsetId, creativeId);
    }
}
