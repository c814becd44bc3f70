package io.metasystem.mlcore.ml;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads of a table of versioned model artifacts (a {@code version} key, the artifact bytes in {@code artifact} and
 * their SHA-256 from {@link Datasets#sha256}): {@code ml_model} and {@code vision_model}. Table and column lists are
 * the callers' constants, never request input.
 */
public final class VersionedArtifacts {
    private VersionedArtifacts() {}

    /** The row of {@code version}, read with {@code columns} and {@code mapper}; empty when there is none. */
    public static <T> Optional<T> row(
            JdbcClient jdbc, String table, String columns, long version, RowMapper<T> mapper) {
        return jdbc.sql("select " + columns + " from " + table + " where version = :v")
                .param("v", version)
                .query(mapper)
                .optional();
    }

    /** Makes {@code version} the champion as of {@code now}, with {@code decision} saying why. */
    public static void makeChampion(JdbcClient jdbc, String table, long version, OffsetDateTime now, String decision) {
        jdbc.sql("update " + table
                        + " set status = :status, promoted_at = :now, decision = :decision where version = :v")
                .param("status", ModelStatus.CHAMPION.value())
                .param("now", now)
                .param("decision", decision)
                .param("v", version)
                .update();
    }

    /** The artifact bytes of {@code version}; empty when there is none. */
    public static Optional<byte[]> artifact(JdbcClient jdbc, String table, long version) {
        return jdbc.sql("select artifact from " + table + " where version = :v")
                .param("v", version)
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }
}
