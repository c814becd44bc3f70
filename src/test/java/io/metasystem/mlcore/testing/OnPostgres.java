package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Implemented by a {@link WebApiTest} class to run it on the real PostgreSQL server (zonky's embedded binaries, as in
 * production) instead of H2, configured the way Railway does it:
 * {@code DATABASE_URL=postgresql://user:password@host:port/db}. Every implementing class declares the same dynamic
 * property method (this one), so they all share one PostgreSQL context and database; they use their own account ids
 * and model scopes.
 */
public interface OnPostgres {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.railwayUrl("web_api"));
    }
}
