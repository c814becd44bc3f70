package io.metasystem.mlcore.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * One real PostgreSQL server per test JVM (zonky's bundled binaries, no Docker), started on first use and stopped
 * when the JVM exits. Its data directory lives under the system temp directory, never in the repository.
 */
public final class EmbeddedPostgresSupport {
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresSupport() {}

    /** JDBC URL of a database of that name on the shared server, created on first use. */
    public static synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The same database in the {@code postgresql://user:password@host:port/db} form Railway publishes. */
    public static synchronized String railwayUrl(String database) {
        jdbcUrl(database);
        return "postgresql://postgres:not-checked-by-trust-auth@localhost:" + postgres.getPort() + "/" + database;
    }
}
