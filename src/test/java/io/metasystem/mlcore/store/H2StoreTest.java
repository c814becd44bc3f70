package io.metasystem.mlcore.store;

/** The store contract on H2 (PostgreSQL mode, in memory), the embedded default. */
class H2StoreTest extends StoreContractTest {}
