package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.testing.OnPostgres;

/** {@link ScheduledYoutubeSyncTest} (the scheduled sync's job records and merges) on PostgreSQL (zonky). */
class PostgresScheduledYoutubeSyncTest extends ScheduledYoutubeSyncTest implements OnPostgres {}
