package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.ml.ModelStatus;
import io.metasystem.mlcore.ml.VersionedArtifacts;
import io.metasystem.mlcore.store.SqlDialect;
import io.metasystem.mlcore.store.StoredJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vision model versions in the database (table {@code vision_model}, V60): the ONNX artifact and its SHA-256 (as
 * {@code ml}'s registry stores artifacts), the export's metadata, the output layout; one champion.
 *
 * <p>Promotion rule: the first model becomes champion. A later one replaces the champion automatically only when
 * an evaluation of it on the same annotations (same SHA-256 of the COCO JSON) has a higher mAP@[.50:.95] than the
 * champion's latest evaluation on those annotations ({@link #considerPromotion}); {@link #promote} and
 * {@link #rollback} are manual. Uploading an artifact already stored (same SHA-256) returns the existing version.
 */
@Repository
public class VisionModelRegistry {
    private static final String COLUMNS = "version, file_name, artifact_sha256, cast(metadata as varchar) as metadata, "
            + "layout, status, decision, created_at, promoted_at, cast(metrics as varchar) as metrics";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final Map<Long, OnnxDetector> loaded = new ConcurrentHashMap<>();

    public VisionModelRegistry(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** What {@link #register} did: stored a new version, or found the same artifact. */
    public record Registration(VisionModel model, boolean created) {}

    /** Stored metadata document ({@code vision_model.metadata}). */
    record StoredMetadata(YoloMetadata metadata, List<Long> outputShape, long sizeBytes) {}

    /**
     * Checks and stores an uploaded ONNX export.
     *
     * @param artifact the ONNX file's bytes
     * @param fileName its file name, nullable
     * @throws ProblemException 400 (field {@code file}) when it is not an ONNX model; 422 when its metadata is not
     *     an Ultralytics detection export's or its output shape is neither supported layout
     */
    @Transactional
    public synchronized Registration register(byte[] artifact, String fileName) {
        String sha = Datasets.sha256(artifact);
        Optional<VisionModel> existing = jdbc.sql(
                        "select " + COLUMNS + " from vision_model where artifact_sha256 = :sha")
                .param("sha", sha)
                .query(VisionModelRegistry::map)
                .optional();
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        OnnxDetector detector;
        try {
            detector = OnnxDetector.load(artifact);
        } catch (InvalidModelException e) {
            ProblemKind kind = e.reason() == InvalidModelException.Reason.NOT_ONNX
                    ? ProblemKind.INVALID_INPUT
                    : ProblemKind.UNPROCESSABLE;
            String detail = e.reason() == InvalidModelException.Reason.NOT_ONNX
                    ? "not an ONNX model (upload the .onnx file of `yolo export format=onnx`)"
                    : e.getMessage();
            throw new ProblemException(
                    kind,
                    null,
                    detail,
                    List.of(new FieldProblem("file", detail)),
                    e.reason() == InvalidModelException.Reason.UNSUPPORTED_LAYOUT
                            ? Map.of(
                                    "supported_layouts",
                                    List.of(OutputLayout.YOLOV8.shape(), OutputLayout.END_TO_END.shape()))
                            : Map.of(),
                    null);
        }
        YoloMetadata m = detector.metadata();
        if (m.task() != null && !m.task().equals("detect")) {
            detector.close();
            String detail = "task '" + m.task() + "' is not supported; upload a detection model (task detect)";
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE, null, detail, List.of(new FieldProblem("file", detail)), Map.of(), null);
        }
        StoredMetadata stored = new StoredMetadata(
                m, Arrays.stream(detector.outputShape()).boxed().toList(), artifact.length);
        boolean first = champion().isEmpty();
        OffsetDateTime now = now();
        jdbc.sql("insert into vision_model (file_name, artifact_sha256, artifact, metadata, layout, status, decision, "
                        + "created_at, promoted_at) values (:file, :sha, :artifact, " + dialect.json(":metadata")
                        + ", :layout, :status, :decision, :now, :promoted)")
                .param("file", fileName == null ? null : abbreviate(fileName, 255))
                .param("sha", sha)
                .param("artifact", artifact)
                .param("metadata", StoredJson.MAPPER.writeValueAsString(stored))
                .param("layout", detector.layout().value())
                .param("status", (first ? ModelStatus.CHAMPION : ModelStatus.CHALLENGER).value())
                .param(
                        "decision",
                        first
                                ? "first vision model"
                                : "challenger: evaluate it on the champion's annotations to compete")
                .param("now", now)
                .param("promoted", first ? now : null)
                .update();
        VisionModel model = jdbc.sql("select " + COLUMNS + " from vision_model where artifact_sha256 = :sha")
                .param("sha", sha)
                .query(VisionModelRegistry::map)
                .single();
        OnnxDetector previous = loaded.put(model.version(), detector);
        if (previous != null) {
            previous.close();
        }
        return new Registration(model, true);
    }

    /** @throws NotFoundException (field {@code version}) if there is no such version */
    @Transactional(readOnly = true)
    public VisionModel get(long version) {
        return get(version, "version");
    }

    /** @throws NotFoundException naming {@code field} if there is no such version */
    private VisionModel get(long version, String field) {
        return VersionedArtifacts.row(jdbc, "vision_model", COLUMNS, version, VisionModelRegistry::map)
                .orElseThrow(() -> new NotFoundException(
                        "vision model", String.valueOf(version), field, "no vision model version " + version));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<VisionModel> list() {
        return jdbc.sql("select " + COLUMNS + " from vision_model order by version desc")
                .query(VisionModelRegistry::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<VisionModel> champion() {
        return jdbc.sql("select " + COLUMNS + " from vision_model where status = :status")
                .param("status", ModelStatus.CHAMPION.value())
                .query(VisionModelRegistry::map)
                .optional();
    }

    /**
     * The version a request names, or the champion.
     *
     * @throws NotFoundException (field {@code model_version}) for an unknown version or when there is no champion
     */
    public VisionModel resolve(Long version) {
        if (version != null) {
            return get(version, "model_version");
        }
        return champion()
                .orElseThrow(() -> new NotFoundException(
                        "vision model",
                        "champion",
                        "model_version",
                        "no vision model yet: upload one with POST /api/v1/vision/models"));
    }

    /** Makes {@code version} the champion (manual promotion). */
    @Transactional
    public synchronized VisionModel promote(long version) {
        return promote(version, "promoted manually");
    }

    private VisionModel promote(long version, String decision) {
        VisionModel m = get(version);
        if (m.status() != ModelStatus.CHAMPION) {
            retireChampion();
            jdbc.sql("update vision_model set status = :status, promoted_at = :now, decision = :decision "
                            + "where version = :v")
                    .param("status", ModelStatus.CHAMPION.value())
                    .param("now", now())
                    .param("decision", abbreviate(decision, 512))
                    .param("v", version)
                    .update();
        }
        return get(version);
    }

    /**
     * Reinstates the previous champion (the other version promoted most recently).
     *
     * @throws NotFoundException if there is no champion or no earlier one
     */
    @Transactional
    public synchronized VisionModel rollback() {
        VisionModel current = champion()
                .orElseThrow(() -> new NotFoundException("champion", "vision", "version", "no vision champion"));
        VisionModel previous = jdbc
                .sql("select " + COLUMNS + " from vision_model where version <> :v and promoted_at is not null "
                        + "order by promoted_at desc, version desc")
                .param("v", current.version())
                .query(VisionModelRegistry::map)
                .list()
                .stream()
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException("champion", "vision", "version", "no earlier vision champion"));
        retireChampion();
        VersionedArtifacts.makeChampion(
                jdbc, "vision_model", previous.version(), now(), "rollback from v" + current.version());
        return get(previous.version());
    }

    /**
     * Applies the promotion rule after an evaluation of {@code version}: it becomes champion when the champion's
     * latest succeeded evaluation on the same annotations has a lower mAP; otherwise the decision says why not.
     *
     * @param championMap the champion's mAP on these annotations, or null when it has none
     * @return the model after the decision
     */
    @Transactional
    public synchronized VisionModel considerPromotion(
            long version, String annotationsSha256, double map, Long championVersion, Double championMap) {
        VisionModel m = get(version);
        if (m.status() == ModelStatus.CHAMPION) {
            return m;
        }
        String decision;
        if (championVersion == null) {
            return promote(version, String.format(Locale.ROOT, "no champion: promoted on evaluation (mAP %.4f)", map));
        } else if (championMap == null) {
            decision = "not comparable: champion v" + championVersion + " has no evaluation on annotations "
                    + annotationsSha256.substring(0, 12);
        } else if (map > championMap) {
            return promote(
                    version,
                    String.format(
                            Locale.ROOT,
                            "beats champion v%d on annotations %s: mAP %.4f > %.4f",
                            championVersion,
                            annotationsSha256.substring(0, 12),
                            map,
                            championMap));
        } else {
            decision = String.format(
                    Locale.ROOT,
                    "does not beat champion v%d on annotations %s: mAP %.4f <= %.4f",
                    championVersion,
                    annotationsSha256.substring(0, 12),
                    map,
                    championMap);
        }
        jdbc.sql("update vision_model set decision = :decision where version = :v")
                .param("decision", abbreviate(decision, 512))
                .param("v", version)
                .update();
        return get(version);
    }

    /**
     * The loaded model of a version (one ONNX Runtime session per version, cached; artifacts are immutable).
     *
     * @throws NotFoundException if there is no such version
     */
    public OnnxDetector detector(long version) {
        return loaded.computeIfAbsent(version, v -> {
            byte[] bytes = VersionedArtifacts.artifact(jdbc, "vision_model", v)
                    .orElseThrow(() -> new NotFoundException(
                            "vision model", String.valueOf(v), "model_version", "no vision model version " + v));
            return OnnxDetector.load(bytes);
        });
    }

    /**
     * Keeps the result of an evaluation of {@code version} as its metrics (the latest evaluation wins).
     *
     * @param metrics a document with snake_case keys
     */
    @Transactional
    public void recordMetrics(long version, Map<String, Object> metrics) {
        jdbc.sql("update vision_model set metrics = " + dialect.json(":metrics") + " where version = :v")
                .param("metrics", StoredJson.MAPPER.writeValueAsString(metrics))
                .param("v", version)
                .update();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(String json) {
        return json == null ? null : StoredJson.MAPPER.readValue(json, LinkedHashMap.class);
    }

    private void retireChampion() {
        jdbc.sql("update vision_model set status = :retired where status = :champion")
                .param("retired", ModelStatus.RETIRED.value())
                .param("champion", ModelStatus.CHAMPION.value())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static VisionModel map(ResultSet rs, int row) throws SQLException {
        StoredMetadata stored = StoredJson.MAPPER.readValue(rs.getString("metadata"), StoredMetadata.class);
        YoloMetadata m = stored.metadata();
        return new VisionModel(
                rs.getLong("version"),
                rs.getString("file_name"),
                rs.getString("artifact_sha256"),
                stored.sizeBytes(),
                m.names(),
                List.of(m.imgszHeight(), m.imgszWidth()),
                m.stride(),
                m.task(),
                m.license(),
                m.description(),
                m.ultralyticsVersion(),
                rs.getString("layout"),
                stored.outputShape(),
                ModelStatus.of(rs.getString("status")),
                rs.getString("decision"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("promoted_at", OffsetDateTime.class),
                metrics(rs.getString("metrics")));
    }
}
