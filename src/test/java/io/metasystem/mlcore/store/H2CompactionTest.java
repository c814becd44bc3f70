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
 * while the live data stays small. The figures are counted, not timed.
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
            record(pool, CALLS, null);
            assertThat(info(pool, "info.CHUNK_COUNT")).isGreaterThan(2L * CALLS);
            // live data after CALLS calls: CALLS × (payload + event) ≈ 14 MB; the file holds about 4 times that
            assertThat(info(pool, "info.FILE_SIZE")).isGreaterThan(40L << 20);
        }
    }

    @Test
    void compactionEveryFiftyCallsKeepsChunksAndFileNearTheLiveData() throws SQLException {
        try (HikariDataSource pool = pool("on")) {
            H2Compaction compaction = new H2Compaction(pool, DatabaseUrl.parse(url("on")), Duration.ZERO);
            record(pool, CALLS, compaction);
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
    void theScheduledTaskRunsOnItsOwnThreadAndStopsWithTheLifecycle() throws SQLException {
        try (HikariDataSource pool = pool("scheduled")) {
            H2Compaction compaction =
                    new H2Compaction(pool, DatabaseUrl.parse(url("scheduled")), Duration.ofMillis(50));
            assertThat(compaction.enabled()).isTrue();
            record(pool, 200, null);
            long before = info(pool, "info.CHUNK_COUNT");
            compaction.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> compaction.runs() >= 2);
                assertThat(info(pool, "info.CHUNK_COUNT")).isLessThan(before / 4);
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

    /** Per call, as the service does it: the recommendation, its outbox event, the event marked delivered. */
    private static void record(HikariDataSource pool, int calls, H2Compaction compaction) throws SQLException {
        Random random = new Random(13);
        try (Connection c = pool.getConnection();
                PreparedStatement rec = c.prepareStatement("insert into rec values (?, ?)");
                PreparedStatement event = c.prepareStatement("insert into outbox values (?, ?, 'pending')");
                PreparedStatement delivered =
                        c.prepareStatement("update outbox set status = 'delivered' where id = ?")) {
            for (int i = 0; i < calls; i++) {
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
                if (compaction != null && i % 50 == 49) {
                    assertThat(compaction.compactNow()).isTrue();
                }
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
