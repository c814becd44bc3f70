package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link VisionApiContract} on a real PostgreSQL server (zonky's embedded binaries), as in production. */
class PostgresVisionApiTest extends VisionApiContract implements OnPostgres {}
