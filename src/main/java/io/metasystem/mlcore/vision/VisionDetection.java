package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Detection on one image with a registered model: sessions cached per version (by the registry), at most
 * {@code VISION_MAX_CONCURRENCY} inferences at once (a fair semaphore; a request that waits longer than
 * {@code VISION_QUEUE_TIMEOUT_SECONDS} gets 503), images over {@code VISION_MAX_PIXELS} refused with 413.
 */
@Service
public class VisionDetection {
    private final VisionModelRegistry registry;
    private final VisionProperties properties;
    private final Semaphore slots;

    public VisionDetection(VisionModelRegistry registry, VisionProperties properties) {
        this.registry = registry;
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrency(), true);
    }

    /**
     * One detected object as answered.
     *
     * @param classId class index
     * @param className class name from the model's {@code names}
     * @param score confidence
     * @param box {@code x1, y1, x2, y2} in the original image's pixels
     */
    public record Found(int classId, String className, double score, double[] box) {}

    /** The answer of a detection: model, image size, objects best first. */
    public record Result(long modelVersion, int width, int height, List<Found> detections) {}

    /**
     * @param version  model version, or null for the champion
     * @param image    the uploaded image's bytes
     * @param settings thresholds
     */
    public Result detect(Long version, byte[] image, DetectionSettings settings) {
        VisionModel model = registry.resolve(version);
        Images.Decoded decoded = Images.decode(image, properties.maxPixels(), "image");
        return new Result(model.version(), decoded.width(), decoded.height(), run(model, decoded, settings));
    }

    /** Runs a model on a decoded image within the concurrency bound. */
    List<Found> run(VisionModel model, Images.Decoded image, DetectionSettings settings) {
        OnnxDetector detector = registry.detector(model.version());
        List<Detection> raw;
        acquire();
        try {
            raw = detector.detect(image.rgb(), image.width(), image.height(), settings);
        } finally {
            slots.release();
        }
        List<Found> out = new ArrayList<>(raw.size());
        for (Detection d : raw) {
            out.add(new Found(
                    d.classId(), model.names().getOrDefault(d.classId(), "class_" + d.classId()), d.score(), d.box()));
        }
        return out;
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(properties.acquireTimeoutSeconds(), TimeUnit.SECONDS)) {
                String detail = "all " + properties.maxConcurrency()
                        + " inference slots are busy (VISION_MAX_CONCURRENCY); retry later";
                throw new ProblemException(
                        ProblemKind.UNAVAILABLE,
                        null,
                        detail,
                        List.of(new FieldProblem("image", detail)),
                        Map.of(),
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an inference slot", e);
        }
    }
}
