package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model versions in the database (table {@code ml_model}, migration V10): artifact bytes and checksum, provenance,
 * held-out score; one champion per scope.
 *
 * <p>Promotion rule: the first model of a scope becomes champion. A later one (challenger) replaces the champion
 * automatically only if both were scored on the <b>same holdout</b> (same {@code holdout_key}: source data checksum,
 * target, protocol, folds, seed) and its held-out Poisson deviance is below {@code (1 − margin)} times the champion's.
 * Otherwise it stays challenger, with the reason in {@code decision}; {@link #promote} and {@link #rollback} are
 * manual.
 * Registering an artifact already stored for the scope (same checksum) returns the existing version (retries do not
 * duplicate).
 */
@Repository
public class ModelRegistry {
    private static final String COLUMNS = "version, scope, model_id, artifact_sha256, holdout_key, holdout_deviance, "
            + "status, decision, created_at, promoted_at";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final Map<Long, ModelArtifact.Predictor> loaded = new ConcurrentHashMap<>();

    public ModelRegistry(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Identifies the held-out data of a validation result: equal keys mean comparable scores. */
    public static String holdoutKey(Provenance p) {
        Validation.Result v = p.validation();
        return Datasets.sha256((p.sourceSha256() + "|" + p.target() + "|" + v.protocol() + "|"
                        + String.join(";", v.foldLabels()) + "|" + p.seed())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Registers the artifact written by {@link Training#run} into {@code dir}. */
    public RegisteredModel register(String scope, Path dir, double margin) throws IOException {
        scope = Scopes.canonical(scope);
        byte[] artifact = Files.readAllBytes(dir.resolve(Training.ARTIFACT_FILE));
        byte[] provenanceJson = Files.readAllBytes(dir.resolve(Training.PROVENANCE_FILE));
        Provenance p = ModelArtifact.JSON.readValue(provenanceJson, Provenance.class);
        return register(scope, artifact, p, new String(provenanceJson, StandardCharsets.UTF_8), margin);
    }

    /**
     * Stores a model version and applies the promotion rule.
     *
     * @param margin relative improvement in held-out deviance a challenger needs, in [0, 1)
     * @throws IllegalArgumentException if the artifact checksum does not match the provenance
     */
    @Transactional
    public synchronized RegisteredModel register(
            String scope, byte[] artifact, Provenance p, String provenanceJson, double margin) {
        scope = Scopes.canonical(scope);
        String sha = Datasets.sha256(artifact);
        if (!sha.equals(p.artifactSha256())) {
            throw new IllegalArgumentException(
                    "artifact: sha256 " + sha + " differs from provenance " + p.artifactSha256());
        }
        Optional<RegisteredModel> existing = jdbc.sql(
                        "select " + COLUMNS + " from ml_model where scope = :scope and artifact_sha256 = :sha")
                .param("scope", scope)
                .param("sha", sha)
                .query(ModelRegistry::map)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        double deviance = p.validation().scores().stream()
                .filter(s -> s.model().equals("xgboost_poisson"))
                .findFirst()
                .orElseThrow()
                .poissonDeviance();
        String key = holdoutKey(p);
        Optional<RegisteredModel> champion = champion(scope);
        ModelStatus status;
        String decision;
        if (champion.isEmpty()) {
            status = ModelStatus.CHAMPION;
            decision = "first model of scope " + scope;
        } else if (!champion.get().holdoutKey().equals(key)) {
            status = ModelStatus.CHALLENGER;
            decision = "not comparable: scored on a different holdout than champion v"
                    + champion.get().version();
        } else if (deviance < (1 - margin) * champion.get().holdoutDeviance()) {
            status = ModelStatus.CHAMPION;
            decision = String.format(
                    Locale.ROOT,
                    "beats champion v%d on the same holdout: deviance %.4f < (1 - %.3f) x %.4f",
                    champion.get().version(),
                    deviance,
                    margin,
                    champion.get().holdoutDeviance());
        } else {
            status = ModelStatus.CHALLENGER;
            decision = String.format(
                    Locale.ROOT,
                    "does not beat champion v%d by the margin: deviance %.4f >= (1 - %.3f) x %.4f",
                    champion.get().version(),
                    deviance,
                    margin,
                    champion.get().holdoutDeviance());
        }
        OffsetDateTime now = now();
        if (status == ModelStatus.CHAMPION) {
            retireChampion(scope);
        }
        jdbc.sql("insert into ml_model (scope, model_id, artifact_sha256, artifact, provenance, holdout_key, "
                        + "holdout_deviance, status, decision, created_at, promoted_at) values "
                        + "(:scope, :id, :sha, :artifact, "
                        + dialect.json(":provenance") + ", :key, :deviance, :status, :decision, :now, :promoted)")
                .param("scope", scope)
                .param("id", p.modelId())
                .param("sha", sha)
                .param("artifact", artifact)
                .param("provenance", provenanceJson)
                .param("key", key)
                .param("deviance", deviance)
                .param("status", status.value())
                .param("decision", decision)
                .param("now", now)
                .param("promoted", status == ModelStatus.CHAMPION ? now : null)
                .update();
        return jdbc.sql("select " + COLUMNS + " from ml_model where scope = :scope and artifact_sha256 = :sha")
                .param("scope", scope)
                .param("sha", sha)
                .query(ModelRegistry::map)
                .single();
    }

    /** Makes {@code version} the champion of its scope (manual promotion or rollback to an older version). */
    @Transactional
    public synchronized RegisteredModel promote(long version) {
        RegisteredModel m = get(version);
        if (m.status() != ModelStatus.CHAMPION) {
            retireChampion(m.scope());
            jdbc.sql("update ml_model set status = :status, promoted_at = :now, decision = "
                            + ":decision where version = :v")
                    .param("status", ModelStatus.CHAMPION.value())
                    .param("now", now())
                    .param("decision", "promoted manually")
                    .param("v", version)
                    .update();
        }
        return get(version);
    }

    /**
     * Reinstates the previous champion of the scope (the retired version promoted most recently).
     *
     * @throws NotFoundException if the scope has no earlier champion
     */
    @Transactional
    public synchronized RegisteredModel rollback(String requestedScope) {
        String scope = Scopes.canonical(requestedScope);
        RegisteredModel current = champion(scope)
                .orElseThrow(() -> new NotFoundException("champion", scope, "scope", "no champion for scope " + scope));
        RegisteredModel previous = jdbc
                .sql("select " + COLUMNS + " from ml_model where scope = :scope and version <> :v "
                        + "and promoted_at is not null order by promoted_at desc, version desc")
                .param("scope", scope)
                .param("v", current.version())
                .query(ModelRegistry::map)
                .list()
                .stream()
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("champion", scope, "scope", "no earlier champion for scope " + scope));
        retireChampion(scope);
        VersionedArtifacts.makeChampion(
                jdbc, "ml_model", previous.version(), now(), "rollback from v" + current.version());
        return get(previous.version());
    }

    /** @throws NotFoundException if there is no such version */
    @Transactional(readOnly = true)
    public RegisteredModel get(long version) {
        return VersionedArtifacts.row(jdbc, "ml_model", COLUMNS, version, ModelRegistry::map)
                .orElseThrow(() -> new NotFoundException(
                        "model", String.valueOf(version), "version", "no model version " + version));
    }

    /**
     * Provenance of a version, read from its stored document (through {@code StoredJson}).
     *
     * @throws NotFoundException if there is no such version
     */
    @Transactional(readOnly = true)
    public Provenance provenanceOf(long version) {
        return ModelArtifact.JSON.readValue(provenance(version), Provenance.class);
    }

    /** Provenance JSON of a version, as stored (Java property names, see {@link Provenance}). */
    @Transactional(readOnly = true)
    public String provenance(long version) {
        get(version);
        return jdbc.sql("select cast(provenance as varchar) from ml_model where version = :v")
                .param("v", version)
                .query(String.class)
                .single();
    }

    /** Newest first, optionally of one scope. */
    @Transactional(readOnly = true)
    public List<RegisteredModel> list(String scope) {
        scope = Scopes.canonical(scope);
        return scope == null
                ? jdbc.sql("select " + COLUMNS + " from ml_model order by version desc")
                        .query(ModelRegistry::map)
                        .list()
                : jdbc.sql("select " + COLUMNS + " from ml_model where scope = :scope order by version desc")
                        .param("scope", scope)
                        .query(ModelRegistry::map)
                        .list();
    }

    @Transactional(readOnly = true)
    public Optional<RegisteredModel> champion(String scope) {
        scope = Scopes.canonical(scope);
        return jdbc.sql("select " + COLUMNS + " from ml_model where scope = :scope and status = :status")
                .param("scope", scope)
                .param("status", ModelStatus.CHAMPION.value())
                .query(ModelRegistry::map)
                .optional();
    }

    /** The loaded artifact of a version (cached; artifacts are immutable). */
    public ModelArtifact.Predictor predictor(long version) {
        return loaded.computeIfAbsent(version, v -> {
            byte[] bytes = VersionedArtifacts.artifact(jdbc, "ml_model", v)
                    .orElseThrow(() ->
                            new NotFoundException("model", String.valueOf(v), "version", "no model version " + v));
            return ModelArtifact.JSON.readValue(bytes, ModelArtifact.class).predictor();
        });
    }

    private void retireChampion(String scope) {
        jdbc.sql("update ml_model set status = :retired where scope = :scope and status = :champion")
                .param("retired", ModelStatus.RETIRED.value())
                .param("scope", scope)
                .param("champion", ModelStatus.CHAMPION.value())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static RegisteredModel map(ResultSet rs, int row) throws SQLException {
        return new RegisteredModel(
                rs.getLong("version"),
                rs.getString("scope"),
                rs.getString("model_id"),
                rs.getString("artifact_sha256"),
                rs.getString("holdout_key"),
                rs.getDouble("holdout_deviance"),
                ModelStatus.of(rs.getString("status")),
                rs.getString("decision"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("promoted_at", OffsetDateTime.class));
    }
}
