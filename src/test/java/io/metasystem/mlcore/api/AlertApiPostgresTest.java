package io.metasystem.mlcore.api;

import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole alert lifecycle of {@link AlertApiTest} (pending, firing, repeat, acknowledgement, silences, resolution,
 * the quiet period, optimize warnings) on a real PostgreSQL server, as in production.
 */
class AlertApiPostgresTest extends AlertApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.jdbcUrl("alertapi"));
    }
}
