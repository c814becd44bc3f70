package io.metasystem.mlcore.api;

import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MlApiContract} on a real PostgreSQL server (zonky's embedded binaries), as in production. */
class PostgresMlApiTest extends MlApiContract {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.jdbcUrl("ml_api"));
    }
}
