package io.metasystem.mlcore.alerts;

import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scans, alert lifecycle and V40 migration on a real PostgreSQL server, as in production. */
class AlertTriggersPostgresTest extends AlertTriggersTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.jdbcUrl("alerts"));
    }
}
