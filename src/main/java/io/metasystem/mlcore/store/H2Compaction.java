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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Online compaction of the embedded H2 file store. Only for an H2 database opened in this process (an embedded
 * {@code jdbc:h2:file:} URL); PostgreSQL, H2 in memory and H2 over TCP are left alone.
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
 * <p>What runs instead, every {@code H2_COMPACTION_INTERVAL} (property {@code mlcore.store.h2-compaction-interval},
 * default 250 ms; {@code 0} switches it off), on one daemon thread ({@link #look(long)}):
 *
 * <ul>
 *   <li>when the store has committed since the last look: H2's own bounded housekeeping step,
 *       {@link MVStore#compact(int, int) MVStore.compact}({@value #REWRITE_FILL_PERCENT} %,
 *       {@value #REWRITE_BYTES} bytes), which is what the background writer would have run: it re-writes the live
 *       pages of the least-filled chunks (at most that many bytes) so that those chunks die and their space is reused
 *       once the retention time (45 s) has passed. It only tries the store lock for 10 ms and neither syncs nor moves
 *       chunks, so commits barely wait for it ({@link #rewrites()} counts the steps that re-wrote something);
 *   <li>once the store has seen no commit for {@value #IDLE_MILLIS} ms: the full compaction of {@link #compactNow()}
 *       (H2's {@link Store#compactFile(int)}, budget {@value #BUDGET_MILLIS} ms, which also moves chunks and truncates
 *       the file), repeated on the following looks until a run changes neither the file's length nor its chunk count (a
 *       run that ends half-way may have appended chunks that the next one moves), at most {@value #MAX_IDLE_RUNS}
 *       times per idle period ({@link #runs()} counts them).
 * </ul>
 *
 * <p>A full compaction holds the store lock (commits wait up to its budget) and sets the retention time to 0 while it
 * runs; under steady load it therefore does not run, so it cannot add 200 ms to the answers' tail latency (an earlier
 * version ran it every 5 s and put it into p99: docs/benchmarks.md). Nothing committed is touched: re-written pages
 * are copies, and H2 frees a chunk only once no open transaction can read it ({@code FileStore.dropUnusedChunks}).
 */
@Component
public class H2Compaction implements SmartLifecycle {
    /** Budget of one full compaction run, in milliseconds (H2 checks it after each step of at most 16 MB). */
    static final int BUDGET_MILLIS = 200;

    /** Chunks filled below this share (percent) are re-written by the bounded step. */
    static final int REWRITE_FILL_PERCENT = 90;

    /** Most bytes of live pages one bounded step re-writes. */
    static final int REWRITE_BYTES = 4 << 20;

    /** A store without commits for this long (milliseconds) gets full compactions. */
    static final long IDLE_MILLIS = 5_000;

    /** Most full compactions per idle period (each has a budget of {@value #BUDGET_MILLIS} ms). */
    static final int MAX_IDLE_RUNS = 20;

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final boolean embeddedH2;
    private final Duration interval;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong rewrites = new AtomicLong();
    private ScheduledExecutorService executor;
    private volatile Store store;

    private final Object lookLock = new Object();

    // state of the scheduled looks, guarded by lookLock
    private long lastVersion = -1;
    private long lastCommitMillis;
    private boolean settled;
    private int idleRuns;

    public H2Compaction(
            DataSource dataSource,
            DatabaseUrl url,
            @Value("${mlcore.store.h2-compaction-interval:250ms}") Duration interval) {
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

    /**
     * The H2 store behind a connection, when it is an H2 database opened in this process with a file.
     *
     * @return empty for PostgreSQL, H2 in memory and H2 over TCP
     * @throws SQLException when the connection cannot be unwrapped
     */
    static Optional<Store> embeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
            return Optional.empty();
        }
        return Optional.of(local.getDatabase().getStore());
    }

    /** Whether the URL names an H2 file store opened in this process (the store {@link H2StoreMetrics} reports on). */
    public boolean embedded() {
        return embeddedH2;
    }

    /** Whether the periodic compaction runs in this process. */
    public boolean enabled() {
        return embeddedH2 && !interval.isZero();
    }

    /** Completed full compactions since start (scheduled or {@link #compactNow()}). */
    public long runs() {
        return runs.get();
    }

    /** Bounded re-write steps since start that re-wrote at least one chunk. */
    public long rewrites() {
        return rewrites.get();
    }

    /**
     * The open H2 store of the embedded database, found through a connection once and kept (found again when the kept
     * one was closed).
     *
     * @return empty when the database is not an H2 file store opened in this process, or it is closed
     * @throws SQLException when no connection can be had
     */
    private Optional<Store> openStore() throws SQLException {
        if (!embeddedH2) {
            return Optional.empty();
        }
        Store known = store;
        if (known == null || known.getMvStore().isClosed()) {
            try (Connection connection = dataSource.getConnection()) {
                known = embeddedStore(connection).orElse(null);
            }
            if (known == null || known.getMvStore().isClosed()) {
                return Optional.empty();
            }
            store = known;
        }
        return Optional.of(known);
    }

    /**
     * The open MVStore of the embedded H2 database ({@link #openStore()}).
     *
     * @return empty when the database is not an H2 file store opened in this process, or it is closed
     * @throws SQLException when no connection can be had
     */
    Optional<MVStore> mvStore() throws SQLException {
        return openStore().map(Store::getMvStore);
    }

    /**
     * Runs one full compaction now, on the caller's thread: H2's {@link Store#compactFile(int)} with a budget of
     * {@value #BUDGET_MILLIS} ms, the store's retention time put back afterwards.
     *
     * @return false when the database is not an H2 store opened in this process (nothing done)
     * @throws SQLException when no connection can be had
     */
    public boolean compactNow() throws SQLException {
        Optional<Store> found = openStore();
        if (found.isEmpty()) {
            return false;
        }
        MVStore mvStore = found.get().getMvStore();
        int retention = mvStore.getRetentionTime();
        try {
            found.get().compactFile(BUDGET_MILLIS);
        } finally {
            mvStore.setRetentionTime(retention);
        }
        runs.incrementAndGet();
        return true;
    }

    /**
     * One look of the scheduled task (see the class comment): a bounded re-write step when the store committed since
     * the last look, full compactions once it has been idle for {@value #IDLE_MILLIS} ms until they stop shrinking it.
     *
     * @param nowMillis the time of this look in milliseconds, on any clock that does not go back
     * @throws SQLException when no connection can be had
     */
    void look(long nowMillis) throws SQLException {
        synchronized (lookLock) {
            lookLocked(nowMillis);
        }
    }

    private void lookLocked(long nowMillis) throws SQLException {
        Optional<MVStore> found = mvStore();
        if (found.isEmpty()) {
            return;
        }
        MVStore mvStore = found.get();
        long version = mvStore.getCurrentVersion();
        if (lastVersion < 0) {
            lastVersion = version;
            lastCommitMillis = nowMillis;
            return;
        }
        if (version != lastVersion) {
            lastCommitMillis = nowMillis;
            settled = false;
            idleRuns = 0;
            if (mvStore.compact(REWRITE_FILL_PERCENT, REWRITE_BYTES)) {
                rewrites.incrementAndGet();
            }
            // the step's own commit is no sign of use
            lastVersion = mvStore.getCurrentVersion();
            return;
        }
        if (settled || nowMillis - lastCommitMillis < IDLE_MILLIS) {
            return;
        }
        long sizeBefore = mvStore.getFileStore().size();
        long chunksBefore = chunks(mvStore);
        compactNow();
        idleRuns++;
        lastVersion = mvStore.getCurrentVersion();
        // a run may end half-way with chunks appended to be moved by the next one: go on until a run changes nothing
        boolean unchanged = mvStore.getFileStore().size() == sizeBefore && chunks(mvStore) == chunksBefore;
        settled = unchanged || idleRuns >= MAX_IDLE_RUNS;
    }

    /** Chunks the store's file holds now (H2's {@code info.CHUNK_COUNT}), -1 when H2 does not say. */
    static long chunks(MVStore mvStore) {
        long[] count = {-1};
        mvStore.getFileStore().populateInfo((name, value) -> {
            if ("info.CHUNK_COUNT".equals(name)) {
                count[0] = Long.parseLong(value);
            }
        });
        return count[0];
    }

    private void runScheduled() {
        try {
            look(System.nanoTime() / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            // the next look tries again; a database that went away is reported by the requests themselves
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
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return;
        }
        // no interrupt: an interrupted NIO file operation would close H2's file channel under it
        running.shutdown();
        try {
            if (!running.awaitTermination(BUDGET_MILLIS * 10L, TimeUnit.MILLISECONDS)) {
                log.warn("H2 compaction did not stop within {} ms", BUDGET_MILLIS * 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
