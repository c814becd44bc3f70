package io.metasystem.mlcore.store;

import io.metasystem.mlcore.testing.OnPostgres;

/**
 * The store contract on a real PostgreSQL 14 server, as in production, configured the way Railway does it:
 * {@code DATABASE_URL=postgresql://user:password@host:port/db}.
 */
class PostgresStoreTest extends StoreContractTest implements OnPostgres {}
