package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link PlatformRetrainingTest} (platform days in the data set, retraining after imports) on PostgreSQL (zonky). */
class PostgresPlatformRetrainingTest extends PlatformRetrainingTest implements OnPostgres {}
