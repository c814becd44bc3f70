package io.metasystem.mlcore.store;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store contract on a real PostgreSQL 14 server, as in production, configured the way Railway does it:
 * {@code DATABASE_URL=postgresql://user:password@host:port/db}.
 */
class PostgresStoreTest extends StoreContractTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.railwayUrl("store_contract"));
    }
}
