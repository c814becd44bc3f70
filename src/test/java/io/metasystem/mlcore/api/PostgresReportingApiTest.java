package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link ReportingApiContract} on a real PostgreSQL server (zonky's embedded binaries), as in production. */
class PostgresReportingApiTest extends ReportingApiContract implements OnPostgres {}
