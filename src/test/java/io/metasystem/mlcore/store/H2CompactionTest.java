package io.metasystem.mlcore.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The H2 file store under {@code WRITE_DELAY=0} (the default URL's setting) with and without {@link H2Compaction}:
 * every commit is its own MVStore chunk, and without compaction the chunk count and the file grow with every commit
 * while the live data stays small. The figures are counted, not timed; the scheduled policy is driven through
 * {@link H2Compaction#look(long)} with a clock of the test's own.
 */
class H2CompactionTest {
    /** A recorded recommendation of 100 ad sets stores ≈ 20 KB of incompressible payload plus an outbox event. */
    private static final int PAYLOAD_BYTES = 18_000;

    private static final int CALLS = 600;

    @TempDir
    Path dir;

    @Test
    void withoutCompactionEveryCommitKeepsItsChunkAndTheFileGrowsWithThem() throws SQLException {
        try (HikariDataSource pool = pool("off")) {
            record(pool, CALLS, i -> {});
            assertThat(info(pool, "info.CHUNK_COUNT")).isGreaterThan(2L * CALLS);
            // live data after CALLS calls: CALLS × (payload + event) ≈ 14 MB; the file holds about 4 times that
            assertThat(info(pool, "info.FILE_SIZE")).isGreaterThan(40L << 20);
        }
    }

    @Test
    void compactionEveryFiftyCallsKeepsChunksAndFileNearTheLiveData() throws SQLException {
        try (HikariDataSource pool = pool("on")) {
            H2Compaction compaction = new H2Compaction(pool, DatabaseUrl.parse(url("on")), Duration.ZERO);
            record(pool, CALLS, i -> {
                if (i % 50 == 49) {
                    assertThat(compaction.compactNow()).isTrue();
                }
            });
            assertThat(compaction.runs()).isEqualTo(CALLS / 50);
            assertThat(info(pool, "info.CHUNK_COUNT")).isLessThan(CALLS / 2L);
            // each run has a 200 ms budget, so how far it gets depends on the machine's load: 24-26 MB seen on
            // a loaded 2-core machine, against more than 40 MB without compaction
            assertThat(info(pool, "info.FILE_SIZE")).isLessThan(32L << 20);
            // nothing committed was lost
            assertThat(count(pool)).isEqualTo(CALLS);
            // and H2's retention time is back at its default after each run
            assertThat(info(pool, "RETENTION_TIME")).isEqualTo(45_000L);
        }
    }

    @Test
    void whileCommitsArriveOnlyBoundedRewritesRunAndAnIdleStoreGetsFullCompactionsUntilSettled() throws SQLException {
        try (HikariDataSource pool = pool("policy")) {
            H2Compaction compaction = new H2Compaction(pool, DatabaseUrl.parse(url("policy")), Duration.ZERO);
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement()) {
                // dead chunks are freed at once instead of after 45 s, so the count shows what the steps freed
                s.execute("set retention_time 0");
            }
            long[] now = {0};
            compaction.look(now[0]);
            // one look every 100 ms of this clock, commits in between: the store is never idle for 5 s
            record(pool, CALLS, i -> compaction.look(now[0] += 100));
            assertThat(compaction.runs()).isZero();
            assertThat(compaction.rewrites()).isGreaterThan(CALLS / 10L);
            long busyChunks = info(pool, "info.CHUNK_COUNT");
            // without any compaction the store holds more than 2 chunks per call (first test); how many the steps
            // keep depends on the chunks' ages on the machine's clock (88-352 seen)
            assertThat(busyChunks).isLessThan(CALLS);

            compaction.look(now[0] += H2Compaction.IDLE_MILLIS - 100);
            assertThat(compaction.runs()).as("idle for less than IDLE_MILLIS").isZero();
            compaction.look(now[0] += 100);
            assertThat(compaction.runs()).isEqualTo(1);
            for (int i = 0; i < H2Compaction.MAX_IDLE_RUNS + 5 && compaction.runs() == i + 1; i++) {
                compaction.look(now[0] += 250);
            }
            long settledRuns = compaction.runs();
            assertThat(settledRuns)
                    .as("full compactions stop once they no longer change the store")
                    .isLessThanOrEqualTo(H2Compaction.MAX_IDLE_RUNS);
            compaction.look(now[0] += 250);
            compaction.look(now[0] += 60_000);
            assertThat(compaction.runs()).isEqualTo(settledRuns);
            // how far these runs shrink the file depends on where the chunks lie (18.8 -> 15.3 MB seen, and no change
            // at all): the shrinking itself is what the compactNow and scheduled tests check

            // a new commit wakes it up again: a bounded step, then full compactions after the next idle time
            record(pool, CALLS, 1, i -> {});
            compaction.look(now[0] += 250);
            compaction.look(now[0] += H2Compaction.IDLE_MILLIS);
            assertThat(compaction.runs()).isEqualTo(settledRuns + 1);
            assertThat(count(pool)).isEqualTo(CALLS + 1);
            assertThat(info(pool, "RETENTION_TIME")).isZero();
        }
    }

    @Test
    void theScheduledTaskRunsOnItsOwnThreadAndStopsWithTheLifecycle() throws SQLException {
        try (HikariDataSource pool = pool("scheduled")) {
            H2Compaction compaction =
                    new H2Compaction(pool, DatabaseUrl.parse(url("scheduled")), Duration.ofMillis(50));
            assertThat(compaction.enabled()).isTrue();
            record(pool, 200, i -> {});
            long before = info(pool, "info.CHUNK_COUNT");
            compaction.start();
            try {
                // the store is idle from now on: after IDLE_MILLIS the task compacts it fully, run after run
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> compaction.runs() >= 1 && info(pool, "info.CHUNK_COUNT") < before / 4);
            } finally {
                compaction.stop();
            }
            assertThat(compaction.isRunning()).isFalse();
            assertThat(count(pool)).isEqualTo(200);
        }
    }

    @Test
    void onlyAnEmbeddedH2FileIsCompacted() throws SQLException {
        assertThat(H2Compaction.isEmbeddedH2File(DatabaseUrl.DEFAULT_H2)).isTrue();
        assertThat(H2Compaction.isEmbeddedH2File("jdbc:h2:./data/x")).isTrue();
        assertThat(H2Compaction.isEmbeddedH2File("jdbc:h2:mem:x")).isFalse();
        assertThat(H2Compaction.isEmbeddedH2File("jdbc:h2:tcp://localhost/x")).isFalse();
        assertThat(H2Compaction.isEmbeddedH2File("jdbc:postgresql://localhost/x"))
                .isFalse();
        try (HikariDataSource memory = new HikariDataSource()) {
            memory.setJdbcUrl("jdbc:h2:mem:compaction-" + System.nanoTime());
            H2Compaction compaction =
                    new H2Compaction(memory, DatabaseUrl.parse(memory.getJdbcUrl()), Duration.ofSeconds(1));
            assertThat(compaction.enabled()).isFalse();
            assertThat(compaction.compactNow()).isFalse();
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    }

    private HikariDataSource pool(String name) throws SQLException {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url(name));
        pool.setUsername("sa");
        pool.setPassword("");
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table rec(id int primary key, payload varbinary(100000))");
            s.execute("create table outbox(id int primary key, body varchar(10000), status varchar(20))");
        }
        return pool;
    }

    /** What a test does after each recorded call. */
    @FunctionalInterface
    private interface AfterCall {
        void accept(int call) throws SQLException;
    }

    /** Per call, as the service does it: the recommendation, its outbox event, the event marked delivered. */
    private static void record(HikariDataSource pool, int calls, AfterCall afterCall) throws SQLException {
        record(pool, 0, calls, afterCall);
    }

    /** Calls numbered {@code first} to {@code first + calls - 1}. */
    private static void record(HikariDataSource pool, int first, int calls, AfterCall afterCall) throws SQLException {
        Random random = new Random(13);
        try (Connection c = pool.getConnection();
                PreparedStatement rec = c.prepareStatement("insert into rec values (?, ?)");
                PreparedStatement event = c.prepareStatement("insert into outbox values (?, ?, 'pending')");
                PreparedStatement delivered =
                        c.prepareStatement("update outbox set status = 'delivered' where id = ?")) {
            for (int i = first; i < first + calls; i++) {
                byte[] payload = new byte[PAYLOAD_BYTES];
                random.nextBytes(payload);
                rec.setInt(1, i);
                rec.setBytes(2, payload);
                rec.executeUpdate();
                event.setInt(1, i);
                event.setString(2, Long.toHexString(random.nextLong()).repeat(300));
                event.executeUpdate();
                delivered.setInt(1, i);
                delivered.executeUpdate();
                afterCall.accept(i);
            }
        }
    }

    private static long info(HikariDataSource pool, String setting) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select setting_value from information_schema.settings where setting_name = ?")) {
            s.setString(1, setting);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(setting).isTrue();
                return Long.parseLong(rs.getString(1));
            }
        }
    }

    private static int count(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from rec")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
