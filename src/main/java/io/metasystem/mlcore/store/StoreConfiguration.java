package io.metasystem.mlcore.store;

import com.zaxxer.hikari.HikariDataSource;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The store's {@link DataSource}: a HikariCP pool on {@code DATABASE_URL} (PostgreSQL in production) or on the
 * embedded H2 file database. Flyway migrates it at start-up; the {@code json_type} placeholder makes the same
 * migrations use {@code jsonb} on PostgreSQL and {@code json} on H2. A database that cannot be reached at start-up
 * stops it with one line naming {@code DATABASE_URL} (no stack trace, no password); one that goes away later makes
 * requests wait at most {@code DATABASE_CONNECTION_TIMEOUT} (10 s; Hikari's own default is 30 s) for a connection
 * before they answer 503, and the pool reconnects when it is back.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    @Bean
    DatabaseUrl databaseUrl(StoreProperties properties) {
        return DatabaseUrl.parse(properties.databaseUrl());
    }

    @Bean
    HikariDataSource dataSource(DatabaseUrl url, StoreProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("mlcore-store");
        pool.setJdbcUrl(url.jdbcUrl());
        if (url.username() != null) {
            pool.setUsername(url.username());
        }
        if (url.password() != null) {
            pool.setPassword(url.password());
        }
        pool.setMaximumPoolSize(url.isPostgres() ? 10 : 5);
        pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
        log.info("Store database: {}", url);
        checkReachable(url);
        return pool;
    }

    /**
     * Opens and closes one connection before the pool and Flyway do, so an unreachable database or wrong credentials
     * stop start-up with one line instead of the pool's and Flyway's stack traces.
     *
     * @throws InvalidConfigurationException naming {@code DATABASE_URL}; the message has neither password nor value
     */
    static void checkReachable(DatabaseUrl url) {
        Properties credentials = new Properties();
        if (url.username() != null) {
            credentials.setProperty("user", url.username());
        }
        if (url.password() != null) {
            credentials.setProperty("password", url.password());
        }
        if (url.isPostgres()) {
            credentials.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
            credentials.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        }
        try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), credentials)) {
            // reachable
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int cut = reason.indexOf('\n');
            reason = cut > 0 ? reason.substring(0, cut) : reason;
            if (url.password() != null && !url.password().isEmpty()) {
                reason = reason.replace(url.password(), "****");
            }
            throw new InvalidConfigurationException(
                    "DATABASE_URL",
                    "cannot be reached (" + DatabaseUrl.redact(url.jdbcUrl()) + "): " + reason
                            + " (SQL state " + e.getSQLState() + "); is the database running and are host, port,"
                            + " user and password right?");
        }
    }

    @Bean
    SqlDialect sqlDialect(DatabaseUrl url) {
        return url.isPostgres() ? SqlDialect.POSTGRES : SqlDialect.H2;
    }

    @Bean
    FlywayConfigurationCustomizer jsonTypePlaceholder(SqlDialect dialect) {
        return configuration -> configuration.placeholders(Map.of("json_type", dialect.jsonType()));
    }
}
