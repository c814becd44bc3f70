package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link YoutubeRetrainingTest} (a YouTube sync queues the retraining on its features) on PostgreSQL (zonky). */
class PostgresYoutubeRetrainingTest extends YoutubeRetrainingTest implements OnPostgres {}
