package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training data for Ultralytics: COCO-labelled images (the annotations and the zip the evaluation route takes, with
 * the same safe-unzip limits) exported as a YOLO detection dataset zip ({@link YoloDataset}). Sizes are those of the
 * upright image (EXIF orientation applied, as Ultralytics reads images).
 */
@Service
public class VisionDatasets {
    /** Longest {@code path} written into data.yaml. */
    static final int MAX_PATH = 500;

    private final VisionProperties properties;

    public VisionDatasets(VisionProperties properties) {
        this.properties = properties;
    }

    /**
     * @param valFraction share of images in {@code val}, in [0, 0.9]
     * @param seed        seed of the split
     * @param path        data.yaml's {@code path} (the folder the zip is unpacked to; relative paths are resolved by
     *                    Ultralytics against the working directory, else its datasets directory)
     * @throws InvalidInputException naming {@code annotations…}, {@code images}, {@code val_fraction} or {@code path}
     * @throws ProblemException 413 when the zip or an image is over a limit
     */
    public YoloDataset.Export export(byte[] annotations, byte[] imagesZip, double valFraction, long seed, String path) {
        if (!(valFraction >= 0 && valFraction <= 0.9)) {
            throw new InvalidInputException("val_fraction", "must be between 0 and 0.9, was " + valFraction);
        }
        if (path == null
                || path.isBlank()
                || path.length() > MAX_PATH
                || path.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "path", "must be a folder path of 1 to " + MAX_PATH + " characters without control characters");
        }
        if (annotations == null || annotations.length == 0) {
            throw new InvalidInputException("annotations", "is required (a COCO JSON file)");
        }
        CocoAnnotations coco = CocoAnnotations.parse(annotations, "annotations");
        Map<String, byte[]> files = SafeZip.read(imagesZip, "images", VisionEvaluations.zipLimits(properties));
        List<YoloDataset.Image> images = new ArrayList<>();
        for (VisionEvaluations.EvalImage image : VisionEvaluations.match(coco, files)) {
            Images.Decoded decoded = Images.decode(image.bytes(), properties.maxPixels(), "images");
            images.add(new YoloDataset.Image(
                    image.id(), image.fileName(), image.bytes(), decoded.width(), decoded.height()));
        }
        return YoloDataset.export(coco, images, valFraction, seed, path);
    }
}
