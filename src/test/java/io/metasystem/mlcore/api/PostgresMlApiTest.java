package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link MlApiContract} on a real PostgreSQL server (zonky's embedded binaries), as in production. */
class PostgresMlApiTest extends MlApiContract implements OnPostgres {}
