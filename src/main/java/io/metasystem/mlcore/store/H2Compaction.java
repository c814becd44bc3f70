package io.metasystem.mlcore.store;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Online compaction of the embedded H2 file store: every {@code H2_COMPACTION_INTERVAL} (property
 * {@code mlcore.store.h2-compaction-interval}, default 5 s; {@code 0} switches it off) one daemon thread calls H2's
 * own {@link Store#compactFile(int)} with a budget of {@value #BUDGET_MILLIS} ms. Only for an H2 database opened in
 * this process (an embedded {@code jdbc:h2:file:} URL); PostgreSQL, H2 in memory and H2 over TCP are left alone.
 *
 * <p>Why: the default URL sets {@code WRITE_DELAY=0} ({@link DatabaseUrl#DEFAULT_H2}) so that every commit reaches the
 * file before the answer and an answered job, import or recommendation survives kill -9. In H2 2.4
 * ({@code org.h2.engine.Database#setWriteDelay}) that is {@link MVStore#setAutoCommitDelay(int) autoCommitDelay} 0,
 * and {@code FileStore.setAutoCommitDelay} then stops (never starts) the "MVStore background writer" thread, whose
 * {@code writeInBackground()} is the only caller of {@code RandomAccessStore.doHousekeeping}: the re-writing of
 * under-filled chunks ({@code rewriteChunks}) and the moving of chunks into free space ({@code compactMoveChunks}).
 * Each committed transaction still stores its own chunk ({@code TransactionStore.endTransaction} calls
 * {@code MVStore.commit()} when the delay is 0), and a chunk that keeps one live page is never freed, so without
 * housekeeping the file, the {@code org.h2.mvstore.SFChunk} objects and their cached tables of contents grew with
 * every commit until the store was closed (docs/reliability.md, soak).
 *
 * <p>{@link Store#compactFile(int)} ({@code MVStore.compactFile}, {@code RandomAccessStore.compactStore}) is the public
 * form of that housekeeping that H2 keeps for online use (it is also what closing with {@code MAX_COMPACT_TIME}
 * runs): under the store lock it re-writes chunks below the auto-compact fill rate (90 %), syncs, moves chunks into
 * holes and truncates the file, until nothing is left to do or the budget is spent. It sets the store's retention
 * time to 0 (dead chunks may be overwritten at once); the previous retention time (45 s by default, a margin for
 * disks that reorder writes on power loss) is put back afterwards. Commits wait for the store lock while it runs,
 * so the budget bounds that wait. Nothing committed is touched: re-written pages are copies, and H2 frees a chunk only
 * once no open transaction can read it ({@code FileStore.dropUnusedChunks}).
 */
@Component
public class H2Compaction implements SmartLifecycle {
    /** Budget of one compaction run, in milliseconds (H2 checks it after each step of at most 16 MB). */
    static final int BUDGET_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final boolean embeddedH2;
    private final Duration interval;
    private final AtomicLong runs = new AtomicLong();
    private ScheduledExecutorService executor;

    public H2Compaction(
            DataSource dataSource,
            DatabaseUrl url,
            @Value("${mlcore.store.h2-compaction-interval:5s}") Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException(
                    "H2_COMPACTION_INTERVAL must be 0 (off) or a positive duration, was " + interval);
        }
        this.dataSource = dataSource;
        this.embeddedH2 = isEmbeddedH2File(url.jdbcUrl());
        this.interval = interval;
    }

    /** True for {@code jdbc:h2:file:…} and the short {@code jdbc:h2:./…} / {@code jdbc:h2:~/…} forms. */
    static boolean isEmbeddedH2File(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:")
                && !rest.startsWith("tcp:")
                && !rest.startsWith("ssl:")
                && !rest.startsWith("zip:");
    }

    /** Whether the periodic compaction runs in this process. */
    public boolean enabled() {
        return embeddedH2 && !interval.isZero();
    }

    /** Completed compaction runs since start (scheduled or {@link #compactNow()}). */
    public long runs() {
        return runs.get();
    }

    /**
     * Runs one compaction now, on the caller's thread.
     *
     * @return false when the database is not an H2 store opened in this process (nothing done)
     * @throws SQLException when no connection can be had
     */
    public boolean compactNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
                return false;
            }
            Store store = local.getDatabase().getStore();
            MVStore mvStore = store.getMvStore();
            int retention = mvStore.getRetentionTime();
            try {
                store.compactFile(BUDGET_MILLIS);
            } finally {
                mvStore.setRetentionTime(retention);
            }
            runs.incrementAndGet();
            return true;
        }
    }

    private void runScheduled() {
        try {
            compactNow();
        } catch (SQLException | RuntimeException e) {
            // the next run tries again; a database that went away is reported by the requests themselves
            log.warn("H2 compaction failed: {}", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runScheduled, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        // no interrupt: an interrupted NIO file operation would close H2's file channel under it
        executor.shutdown();
        try {
            if (!executor.awaitTermination(BUDGET_MILLIS * 10L, TimeUnit.MILLISECONDS)) {
                log.warn("H2 compaction did not stop within {} ms", BUDGET_MILLIS * 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
