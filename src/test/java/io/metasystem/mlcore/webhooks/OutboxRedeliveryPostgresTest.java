package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Outbox re-delivery and its conditional-UPDATE claims on a real PostgreSQL server, as in production. */
class OutboxRedeliveryPostgresTest extends OutboxRedeliveryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.jdbcUrl("outbox_redelivery"));
    }
}
