package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobMetrics;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.scheduling.JobTable;
import io.metasystem.mlcore.store.SqlDialect;
import io.metasystem.mlcore.store.StoredJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs training jobs one at a time on a background thread, records status and progress in {@code ml_job}, and
 * registers the resulting model ({@link ModelRegistry}, promotion rule included). Training reads a CSV from
 * {@code mlcore.ml.data-dir} only (a request names a file, never a path), or a window of the store's insights
 * ({@link StoreDatasets}). Each job holds a {@link JobLeases lease}: if this replica dies, the sweep marks it failed.
 */
@Service
public class TrainingJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    private static final JsonMapper JSON = StoredJson.MAPPER;
    static final String SCOPE = "[A-Za-z0-9_.:-]{1,80}";

    private final JobMetrics metrics;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ModelRegistry registry;
    private final MlProperties properties;
    private final JobLeases leases;
    private final StoreDatasets storeDatasets;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ml-training");
        t.setDaemon(true);
        return t;
    });

    public TrainingJobs(
            JdbcClient jdbc,
            SqlDialect dialect,
            ModelRegistry registry,
            MlProperties properties,
            JobLeases leases,
            StoreDatasets storeDatasets,
            Clock clock,
            JobMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.leases = leases;
        this.storeDatasets = storeDatasets;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.registry = registry;
        this.properties = properties;
    }

    /**
     * Validates the request and queues a job on a CSV of the data directory.
     *
     * @param csv    file name inside the data directory
     * @param target APPROVED or TOTAL (kag only; ignored for the daily data)
     * @throws InvalidInputException naming the field when the file, target or scope is invalid
     */
    public TrainingJob submit(String requestedScope, String csv, String target) {
        String scope = Scopes.canonical(requestedScope);
        Path file = resolve(csv);
        Datasets.KagTarget kagTarget = parseTarget(target);
        checkScope(scope);
        return launch(
                scope,
                csvRequest(csv, kagTarget),
                file.getFileName().toString(),
                () -> Datasets.load(file, kagTarget),
                true);
    }

    /**
     * Validates the request and queues a job on the store's insights of a window.
     *
     * @throws InvalidInputException     naming the field when the scope or window is invalid
     * @throws InsufficientDataException when the window has too few days ({@link StoreDatasets#MIN_DAYS})
     */
    public TrainingJob submitStore(String requestedScope, StoreDatasets.Window window) {
        String scope = Scopes.canonical(requestedScope);
        checkScope(scope);
        storeDatasets.check(window);
        return launch(scope, storeRequest(window), "store " + window, () -> storeDatasets.load(window), true);
    }

    /** @throws NotFoundException if there is no such job */
    public TrainingJob get(String id) {
        return jdbc.sql("select id, scope, cast(request as varchar) as request, status, steps_done, "
                        + "steps_total, progress, "
                        + "model_version, error, created_at, updated_at from ml_job where id = :id")
                .param("id", id)
                .query(TrainingJobs::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("job", id, "id", "no training job " + id));
    }

    /** Runs a CSV job on the caller's thread (the scheduler uses this). */
    public TrainingJob runNow(String requestedScope, String csv, String target) {
        String scope = Scopes.canonical(requestedScope);
        Path file = resolve(csv);
        Datasets.KagTarget kagTarget = parseTarget(target);
        return launch(scope, csvRequest(csv, kagTarget), csv, () -> Datasets.load(file, kagTarget), false);
    }

    /** Runs a store job on the caller's thread (the scheduler uses this); a too-short window fails the job. */
    public TrainingJob runNowStore(String requestedScope, StoreDatasets.Window window) {
        String scope = Scopes.canonical(requestedScope);
        return launch(
                scope,
                storeRequest(window),
                "store " + window,
                () -> {
                    storeDatasets.check(window);
                    return storeDatasets.load(window);
                },
                false);
    }

    /**
     * Records the job (holding its lease) and runs it on the training thread, or on the caller's thread when
     * {@code inBackground} is false (then the finished job is returned).
     */
    private TrainingJob launch(
            String scope, Map<String, Object> request, String what, TableLoader loader, boolean inBackground) {
        TrainingJob job = record(scope, request);
        if (inBackground) {
            executor.submit(() -> run(job.id(), scope, what, loader));
            return job;
        }
        run(job.id(), scope, what, loader);
        return get(job.id());
    }

    private static Map<String, Object> csvRequest(String csv, Datasets.KagTarget target) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "csv");
        request.put("csv", csv);
        request.put("target", target.name());
        return request;
    }

    private static Map<String, Object> storeRequest(StoreDatasets.Window w) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", "store");
        request.put("account_id", w.accountId());
        request.put("from", w.from().toString());
        request.put("to", w.to().toString());
        return request;
    }

    private static void checkScope(String scope) {
        if (scope == null || !scope.matches(SCOPE)) {
            throw new InvalidInputException("scope", "1-80 letters, digits, '_', '.', ':', '-', was " + scope);
        }
    }

    private TrainingJob record(String scope, Map<String, Object> request) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        jdbc.sql("insert into ml_job (id, scope, request, status, steps_done, steps_total, progress, created_at, "
                        + "updated_at) values (:id, :scope, " + dialect.json(":request")
                        + ", :status, 0, 0, :progress, :now, :now)")
                .param("id", id)
                .param("scope", scope)
                .param("request", JSON.writeValueAsString(request))
                .param("status", JobStatus.QUEUED.value())
                .param("progress", "queued")
                .param("now", now)
                .update();
        leases.acquire(JobTable.ML_JOB, id);
        return get(id);
    }

    /** Loads the training table of a job. */
    @FunctionalInterface
    interface TableLoader {
        FeatureTable load() throws IOException;
    }

    private void run(String id, String scope, String what, TableLoader loader) {
        Path dir = null;
        long started = metrics.start();
        boolean success = false;
        try {
            update(id, JobStatus.RUNNING, 0, 0, "loading " + what);
            FeatureTable table = loader.load();
            Validation.Settings settings = Validation.Settings.defaults(42);
            int total = 3 * Validation.folds(table, settings).size() + 1;
            AtomicInteger done = new AtomicInteger();
            dir = Files.createTempDirectory("ml-train-");
            Training.run(table, settings, properties.maxRounds(), dir, line -> {
                log.info("training job {}: {}", id, line);
                update(id, JobStatus.RUNNING, Math.min(done.getAndIncrement(), total), total, line);
            });
            RegisteredModel m = registry.register(scope, dir, properties.promotionMargin());
            finish(
                    id,
                    total,
                    "registered v" + m.version() + " (" + m.status() + ": " + m.decision() + ")",
                    m.version());
            success = true;
        } catch (Exception | LinkageError e) {
            log.warn("training job {} failed", id, e);
            fail(id, String.valueOf(e.getMessage()));
        } finally {
            metrics.finish(JobMetrics.Job.TRAINING, started, success);
            leases.release(JobTable.ML_JOB, id);
            deleteQuietly(dir);
        }
    }

    /** Progress of a job that is still queued or running; a job already failed (e.g. by the lease sweep) stays so. */
    private void update(String id, JobStatus status, int done, int total, String progress) {
        jdbc.sql("update ml_job set status = :status, steps_done = :done, steps_total = :total, progress = :progress, "
                        + "updated_at = :now where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("status", status.value())
                .param("done", done)
                .param("total", total)
                .param("progress", truncate(progress, 512))
                .param("now", now())
                .param("id", id)
                .update();
    }

    /**
     * Marks a job succeeded — unless it is no longer running: a job the lease sweep already marked failed keeps its
     * status (callers were told it failed and may have resubmitted it), and its error says that the run finished
     * late and which version it registered.
     *
     * @return true when the job became succeeded
     */
    boolean finish(String id, int total, String progress, long version) {
        int n = jdbc.sql("update ml_job set status = :status, steps_done = :total, steps_total = :total, "
                        + "progress = :progress, model_version = :version, error = null, updated_at = :now "
                        + "where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("status", JobStatus.SUCCEEDED.value())
                .param("total", total)
                .param("progress", truncate(progress, 512))
                .param("version", version)
                .param("now", now())
                .param("id", id)
                .update();
        if (n == 1) {
            return true;
        }
        TrainingJob job = get(id);
        log.warn("training job {} finished after it was marked {}; its status is kept", id, job.status());
        jdbc.sql("update ml_job set model_version = :version, error = :error, updated_at = :now where id = :id")
                .param("version", version)
                .param("now", now())
                .param("id", id)
                .param(
                        "error",
                        truncate(
                                job.error() + "; the run finished later anyway and registered v" + version
                                        + " (status kept: " + job.status() + ")",
                                1000))
                .update();
        return false;
    }

    private void fail(String id, String error) {
        jdbc.sql("update ml_job set status = :status, progress = 'failed', error = :error, updated_at = :now "
                        + "where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("status", JobStatus.FAILED.value())
                .param("error", truncate(error, 1000))
                .param("now", now())
                .param("id", id)
                .update();
    }

    Path resolve(String csv) {
        if (csv == null || !csv.matches("[A-Za-z0-9_.-]{1,200}") || csv.startsWith(".")) {
            throw new InvalidInputException("csv", "a file name inside the data directory, was " + csv);
        }
        Path file = Path.of(properties.dataDir()).resolve(csv);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("csv", "no such file in the data directory: " + csv);
        }
        return file;
    }

    private static Datasets.KagTarget parseTarget(String target) {
        try {
            return target == null
                    ? Datasets.KagTarget.APPROVED
                    : Datasets.KagTarget.valueOf(target.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("target", "APPROVED or TOTAL, was " + target);
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

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static TrainingJob map(ResultSet rs, int row) throws SQLException {
        Map<?, ?> request = JSON.readValue(rs.getString("request"), Map.class);
        long version = rs.getLong("model_version");
        Long modelVersion = rs.wasNull() ? null : version;
        Object source = request.get("source");
        return new TrainingJob(
                rs.getString("id"),
                rs.getString("scope"),
                source == null ? "csv" : (String) source,
                (String) request.get("csv"),
                (String) request.get("target"),
                (String) request.get("account_id"),
                date(request.get("from")),
                date(request.get("to")),
                JobStatus.of(rs.getString("status")),
                rs.getInt("steps_done"),
                rs.getInt("steps_total"),
                rs.getString("progress"),
                modelVersion,
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
