package io.metasystem.mlcore.store;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The store's {@link DataSource}: a HikariCP pool on {@code DATABASE_URL} (PostgreSQL in production) or on the
 * embedded H2 file database. Flyway migrates it at start-up; the {@code json_type} placeholder makes the same
 * migrations use {@code jsonb} on PostgreSQL and {@code json} on H2.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean
    DatabaseUrl databaseUrl(StoreProperties properties) {
        return DatabaseUrl.parse(properties.databaseUrl());
    }

    @Bean
    HikariDataSource dataSource(DatabaseUrl url) {
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
        log.info("Store database: {}", url);
        return pool;
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
