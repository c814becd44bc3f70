package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobRows;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.scheduling.JobTable;
import io.metasystem.mlcore.store.SqlDialect;
import io.metasystem.mlcore.store.StoredJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * COCO evaluation of a registered model as a job: the annotations and a zip of the images they name are checked
 * when submitted (400/413/422), then a background thread runs the model on every image at Ultralytics' validation
 * settings (conf 0.001, IoU 0.7, 300 detections), scores the detections with {@link CocoEval} (pycocotools'
 * rules), keeps the result as the model's metrics and applies the promotion rule
 * ({@link VisionModelRegistry#considerPromotion}) against the champion's latest evaluation on the same annotations.
 * Model classes map to COCO categories by name (case-insensitive). Each job holds a {@link JobLeases lease}.
 */
@Service
public class VisionEvaluations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VisionEvaluations.class);
    private static final DetectionSettings VALIDATION =
            new DetectionSettings(DetectionSettings.VALIDATION_CONFIDENCE, 0.7, 300);
    private static final String COLUMNS = "id, model_version, annotations_sha256, status, steps_done, steps_total, "
            + "progress, map, cast(result as varchar) as result, decision, error, created_at, updated_at";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final VisionModelRegistry registry;
    private final VisionDetection detection;
    private final VisionProperties properties;
    private final JobLeases leases;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(daemonThreads());

    public VisionEvaluations(
            JdbcClient jdbc,
            SqlDialect dialect,
            VisionModelRegistry registry,
            VisionDetection detection,
            VisionProperties properties,
            JobLeases leases,
            Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.registry = registry;
        this.detection = detection;
        this.properties = properties;
        this.leases = leases;
        this.clock = clock;
    }

    /** One image of the evaluation set and its file's bytes. */
    record EvalImage(long id, String fileName, byte[] bytes) {}

    /**
     * Checks the upload and queues the evaluation.
     *
     * @param annotations a COCO JSON file
     * @param imagesZip   a zip holding every file the annotations' {@code images[].file_name} name (matched by
     *                    path, else by file name when it is unique in the zip)
     * @throws NotFoundException (field {@code version}) for an unknown model
     * @throws InvalidInputException naming {@code annotations…} or {@code images} for malformed input
     * @throws ProblemException 413 when the zip is over a limit; 422 when no category is a class of the model
     */
    public VisionJob submit(long version, byte[] annotations, byte[] imagesZip) {
        VisionModel model = registry.get(version);
        if (annotations == null || annotations.length == 0) {
            throw new InvalidInputException("annotations", "is required (a COCO JSON file)");
        }
        CocoAnnotations coco = CocoAnnotations.parse(annotations, "annotations");
        Map<String, byte[]> files = SafeZip.read(imagesZip, "images", zipLimits(properties));
        List<EvalImage> images = match(coco, files);
        Map<Integer, Integer> categoryOfClass = categoryOfClass(model, coco);
        String sha = Datasets.sha256(annotations);
        VisionJob job = record(version, sha, images.size());
        executor.submit(() -> run(job.id(), model, sha, coco, images, categoryOfClass));
        return job;
    }

    /** The zip limits of uploads ({@code VISION_ZIP_MAX_ENTRIES}, {@code _SIZE}, {@code _RATIO}). */
    static SafeZip.Limits zipLimits(VisionProperties properties) {
        return new SafeZip.Limits(
                properties.zipMaxEntries(), properties.zipMaxSize().toBytes(), properties.zipMaxRatio());
    }

    /** @throws NotFoundException (field {@code id}) if there is no such job */
    public VisionJob get(String id) {
        return jdbc.sql("select " + COLUMNS + " from vision_job where id = :id")
                .param("id", id)
                .query(VisionEvaluations::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("vision job", id, "id", "no vision evaluation job " + id));
    }

    /** The mAP of the latest succeeded evaluation of {@code version} on these annotations. */
    Optional<Double> latestMap(long version, String annotationsSha256) {
        return jdbc
                .sql("select map from vision_job where model_version = :v and annotations_sha256 = :sha "
                        + "and status = :succeeded order by updated_at desc, created_at desc")
                .param("v", version)
                .param("sha", annotationsSha256)
                .param("succeeded", JobStatus.SUCCEEDED.value())
                .query((rs, i) -> rs.getDouble(1))
                .list()
                .stream()
                .findFirst();
    }

    /**
     * The zip's file of every image of the annotations (by path, else by file name when unique), in image id order.
     *
     * @throws InvalidInputException (field {@code images}) naming the missing files
     */
    static List<EvalImage> match(CocoAnnotations coco, Map<String, byte[]> files) {
        Map<String, String> byBaseName = new HashMap<>();
        Map<String, Integer> baseNameCount = new HashMap<>();
        for (String name : files.keySet()) {
            String base = name.substring(name.lastIndexOf('/') + 1);
            byBaseName.put(base, name);
            baseNameCount.merge(base, 1, Integer::sum);
        }
        List<EvalImage> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        coco.images().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String wanted = e.getValue();
            String entry = files.containsKey(wanted) ? wanted : null;
            String base = wanted.substring(wanted.lastIndexOf('/') + 1);
            if (entry == null && baseNameCount.getOrDefault(base, 0) == 1) {
                entry = byBaseName.get(base);
            }
            if (entry == null) {
                missing.add(wanted);
            } else {
                out.add(new EvalImage(e.getKey(), wanted, files.get(entry)));
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    "images",
                    missing.size() + " file(s) named by the annotations are not in the zip: "
                            + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                            + (missing.size() > 10 ? ", …" : ""));
        }
        return out;
    }

    /** Model class id → COCO category id, by name; 422 when no category matches a class. */
    static Map<Integer, Integer> categoryOfClass(VisionModel model, CocoAnnotations coco) {
        Map<String, Integer> categoryByName = new HashMap<>();
        coco.categories().forEach((id, name) -> categoryByName.putIfAbsent(name.toLowerCase(Locale.ROOT), id));
        Map<Integer, Integer> out = new LinkedHashMap<>();
        model.names().forEach((classId, name) -> {
            Integer category = categoryByName.get(name.toLowerCase(Locale.ROOT));
            if (category != null) {
                out.put(classId, category);
            }
        });
        if (out.isEmpty()) {
            String detail = "no category of the annotations ("
                    + String.join(", ", coco.categories().values())
                    + ") is a class of model v" + model.version() + " ("
                    + String.join(", ", model.names().values())
                    + "); categories match classes by name";
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    null,
                    detail,
                    List.of(new FieldProblem("annotations.categories", detail)),
                    Map.of(),
                    null);
        }
        return out;
    }

    private VisionJob record(long version, String sha, int images) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        jdbc.sql("insert into vision_job (id, model_version, annotations_sha256, status, steps_done, steps_total, "
                        + "progress, created_at, updated_at) values (:id, :v, :sha, :status, 0, :total, 'queued', "
                        + ":now, :now)")
                .param("id", id)
                .param("v", version)
                .param("sha", sha)
                .param("status", JobStatus.QUEUED.value())
                .param("total", images)
                .param("now", now)
                .update();
        leases.acquire(JobTable.VISION_JOB, id);
        return get(id);
    }

    private void run(
            String id,
            VisionModel model,
            String sha,
            CocoAnnotations coco,
            List<EvalImage> images,
            Map<Integer, Integer> categoryOfClass) {
        try {
            List<CocoEval.Dt> dts = new ArrayList<>();
            int done = 0;
            for (EvalImage image : images) {
                update(
                        id,
                        done,
                        images.size(),
                        "image " + (done + 1) + " of " + images.size() + ": " + image.fileName());
                Images.Decoded decoded;
                try {
                    decoded = Images.decode(image.bytes(), properties.maxPixels(), "images");
                } catch (ProblemException e) {
                    throw new IllegalArgumentException(image.fileName() + ": " + e.getMessage(), e);
                }
                for (VisionDetection.Found f : detection.run(model, decoded, VALIDATION)) {
                    Integer category = categoryOfClass.get(f.classId());
                    if (category != null) {
                        double[] b = f.box();
                        dts.add(new CocoEval.Dt(image.id(), category, b[0], b[1], b[2] - b[0], b[3] - b[1], f.score()));
                    }
                }
                done++;
            }
            CocoEval.Summary s = CocoEval.evaluate(
                    List.copyOf(coco.images().keySet()),
                    List.copyOf(coco.categories().keySet()),
                    coco.groundTruth(),
                    dts);
            Map<String, Object> result = result(s, coco, images.size(), dts.size(), categoryOfClass);
            VisionModel champion = registry.champion().orElse(null);
            Double championMap = champion == null || champion.version() == model.version()
                    ? null
                    : latestMap(champion.version(), sha).orElse(null);
            Map<String, Object> metrics = new LinkedHashMap<>(result);
            metrics.put("job_id", id);
            metrics.put("annotations_sha256", sha);
            metrics.put("evaluated_at", now().toString());
            registry.recordMetrics(model.version(), metrics);
            VisionModel after = registry.considerPromotion(
                    model.version(), sha, s.map(), champion == null ? null : champion.version(), championMap);
            String decision = champion != null && champion.version() == model.version()
                    ? String.format(
                            Locale.ROOT,
                            "champion: the champion's evaluation on annotations %s (mAP %.4f)",
                            sha.substring(0, 12),
                            s.map())
                    : after.status().value() + ": " + after.decision();
            finish(id, images.size(), s.map(), result, decision);
        } catch (Exception | LinkageError e) {
            log.warn("vision evaluation job {} failed", id, e);
            fail(id, String.valueOf(e.getMessage()));
        } finally {
            leases.release(JobTable.VISION_JOB, id);
        }
    }

    private static Map<String, Object> result(
            CocoEval.Summary s,
            CocoAnnotations coco,
            int images,
            int detections,
            Map<Integer, Integer> categoryOfClass) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("map", s.map());
        r.put("map50", s.map50());
        r.put("map75", s.map75());
        r.put("map_small", s.mapSmall());
        r.put("map_medium", s.mapMedium());
        r.put("map_large", s.mapLarge());
        r.put("ar1", s.ar1());
        r.put("ar10", s.ar10());
        r.put("ar100", s.ar100());
        r.put("ar_small", s.arSmall());
        r.put("ar_medium", s.arMedium());
        r.put("ar_large", s.arLarge());
        List<Map<String, Object>> perClass = new ArrayList<>();
        s.perCategoryAp().forEach((category, ap) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("category_id", category);
            c.put("name", coco.categories().get(category));
            c.put("ap", ap);
            perClass.add(c);
        });
        r.put("per_class", perClass);
        r.put("images", images);
        r.put("annotations", coco.groundTruth().size());
        r.put("detections", detections);
        r.put("matched_categories", categoryOfClass.size());
        r.put("confidence", VALIDATION.confidence());
        return r;
    }

    private void update(String id, int done, int total, String progress) {
        JobRows.progress(jdbc, JobTable.VISION_JOB, id, done, total, progress, now());
    }

    private void finish(String id, int total, double map, Map<String, Object> result, String decision) {
        jdbc.sql("update vision_job set status = :succeeded, steps_done = :total, steps_total = :total, "
                        + "progress = :progress, map = :map, result = " + dialect.json(":result")
                        + ", decision = :decision, updated_at = :now where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("succeeded", JobStatus.SUCCEEDED.value())
                .param("total", total)
                .param("progress", String.format(Locale.ROOT, "evaluated %d images: mAP %.4f", total, map))
                .param("map", map)
                .param("result", StoredJson.MAPPER.writeValueAsString(result))
                .param("decision", JobRows.truncate(decision, 512))
                .param("now", now())
                .param("id", id)
                .update();
    }

    private void fail(String id, String error) {
        JobRows.fail(jdbc, JobTable.VISION_JOB, id, error, now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static VisionJob map(ResultSet rs, int row) throws SQLException {
        double map = rs.getDouble("map");
        Double mapValue = rs.wasNull() ? null : map;
        String result = rs.getString("result");
        return new VisionJob(
                rs.getString("id"),
                rs.getLong("model_version"),
                rs.getString("annotations_sha256"),
                JobStatus.of(rs.getString("status")),
                rs.getInt("steps_done"),
                rs.getInt("steps_total"),
                rs.getString("progress"),
                mapValue,
                result == null ? null : StoredJson.MAPPER.readValue(result, LinkedHashMap.class),
                rs.getString("decision"),
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static CustomizableThreadFactory daemonThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("vision-evaluation-");
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
