package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobTable;
import io.metasystem.mlcore.store.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs training jobs one at a time on a background thread, records status and progress in {@code ml_job}, and
 * registers the resulting model ({@link ModelRegistry}, promotion rule included). Training reads a CSV from
 * {@code mlcore.ml.data-dir} only (a request names a file, never a path).
 */
@Service
public class TrainingJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ModelRegistry registry;
    private final MlProperties properties;
    private final JobLeases leases;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ml-training");
        t.setDaemon(true);
        return t;
    });

    public TrainingJobs(JdbcClient jdbc, SqlDialect dialect, ModelRegistry registry, MlProperties properties,
                        JobLeases leases) {
        this.leases = leases;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.registry = registry;
        this.properties = properties;
    }

    /**
     * Validates the request and queues a job.
     *
     * @param csv    file name inside the data directory
     * @param target APPROVED or TOTAL (kag only; ignored for the daily data)
     * @throws IllegalArgumentException naming the field when the file or target is invalid
     */
    public TrainingJob submit(String scope, String csv, String target) {
        Path file = resolve(csv);
        Datasets.KagTarget kagTarget = parseTarget(target);
        if (scope == null || !scope.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("scope: 1-64 letters, digits, '_', '.', '-', was " + scope);
        }
        TrainingJob job = submitRecordOnly(scope, csv, target);
        executor.submit(() -> run(job.id(), scope, file, kagTarget));
        return job;
    }

    /** @throws UnknownModelException if there is no such job */
    public TrainingJob get(String id) {
        return jdbc.sql("select id, scope, cast(request as varchar) as request, status, steps_done, steps_total, progress, "
                        + "model_version, error, created_at, updated_at from ml_job where id = :id")
                .param("id", id).query(TrainingJobs::map).optional()
                .orElseThrow(() -> new UnknownModelException("id", "no training job " + id));
    }

    /** Runs a job on the caller's thread (the scheduler uses this). */
    public TrainingJob runNow(String scope, String csv, String target) {
        resolve(csv);
        TrainingJob job = submitRecordOnly(scope, csv, target);
        run(job.id(), scope, resolve(csv), parseTarget(target));
        return get(job.id());
    }

    private TrainingJob submitRecordOnly(String scope, String csv, String target) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        jdbc.sql("insert into ml_job (id, scope, request, status, steps_done, steps_total, progress, created_at, "
                        + "updated_at) values (:id, :scope, " + dialect.json(":request") + ", :status, 0, 0, :progress, :now, :now)")
                .param("id", id).param("scope", scope)
                .param("request", JSON.writeValueAsString(Map.of("csv", csv, "target", parseTarget(target).name())))
                .param("status", TrainingJob.QUEUED).param("progress", "queued").param("now", now).update();
        leases.acquire(JobTable.ML_JOB, id);
        return get(id);
    }

    private void run(String id, String scope, Path file, Datasets.KagTarget target) {
        Path dir = null;
        try {
            update(id, TrainingJob.RUNNING, 0, 0, "loading " + file.getFileName(), null, null);
            FeatureTable table = Datasets.load(file, target);
            Validation.Settings settings = Validation.Settings.defaults(42);
            int total = 3 * Validation.folds(table, settings).size() + 1;
            AtomicInteger done = new AtomicInteger();
            dir = Files.createTempDirectory("ml-train-");
            Training.run(table, settings, 600, dir, line -> {
                log.info("training job {}: {}", id, line);
                update(id, TrainingJob.RUNNING, Math.min(done.getAndIncrement(), total), total, line, null, null);
            });
            RegisteredModel m = registry.register(scope, dir, properties.promotionMargin());
            update(id, TrainingJob.SUCCEEDED, total, total, "registered v" + m.version() + " (" + m.status() + ": "
                    + m.decision() + ")", m.version(), null);
        } catch (Exception | LinkageError e) {
            log.warn("training job {} failed", id, e);
            update(id, TrainingJob.FAILED, 0, 0, "failed", null, String.valueOf(e.getMessage()));
        } finally {
            leases.release(JobTable.ML_JOB, id);
            deleteQuietly(dir);
        }
    }

    private void update(String id, String status, int done, int total, String progress, Long version, String error) {
        jdbc.sql("update ml_job set status = :status, steps_done = :done, steps_total = :total, progress = :progress, "
                        + "model_version = :version, error = :error, updated_at = :now where id = :id")
                .param("status", status).param("done", done).param("total", total)
                .param("progress", truncate(progress, 512)).param("version", version).param("error", truncate(error, 1000))
                .param("now", now()).param("id", id).update();
    }

    Path resolve(String csv) {
        if (csv == null || !csv.matches("[A-Za-z0-9_.-]{1,200}") || csv.startsWith(".")) {
            throw new IllegalArgumentException("csv: a file name inside the data directory, was " + csv);
        }
        Path file = Path.of(properties.dataDir()).resolve(csv);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("csv: no such file in the data directory: " + csv);
        }
        return file;
    }

    private static Datasets.KagTarget parseTarget(String target) {
        try {
            return target == null ? Datasets.KagTarget.APPROVED
                    : Datasets.KagTarget.valueOf(target.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target: APPROVED or TOTAL, was " + target);
        }
    }

    private static String truncate(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static TrainingJob map(ResultSet rs, int row) throws SQLException {
        Map<?, ?> request = JSON.readValue(rs.getString("request"), Map.class);
        long version = rs.getLong("model_version");
        return new TrainingJob(rs.getString("id"), rs.getString("scope"), (String) request.get("csv"),
                (String) request.get("target"), rs.getString("status"), rs.getInt("steps_done"),
                rs.getInt("steps_total"), rs.getString("progress"), rs.wasNull() ? null : version,
                rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
