package io.metasystem.mlcore.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.h2.mvstore.MVStore;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Size and chunk bookkeeping of the embedded H2 file store in {@code /actuator/prometheus}, so that a file that
 * grows without bound shows before the disk fills: {@code mlcore_h2_file_size_bytes} (the file's length),
 * {@code mlcore_h2_chunks} (MVStore chunks in the file, H2's {@code info.CHUNK_COUNT}),
 * {@code mlcore_h2_chunks_fill_ratio} (live share of the chunks' bytes, 0–1) and {@code mlcore_h2_compactions_total}
 * ({@code kind="full"}: full compactions, {@code kind="rewrite"}: bounded re-write steps of {@link H2Compaction}).
 * Registered only for an H2 file store opened in this process; a gauge reads NaN while the store is closed.
 */
@Component
public class H2StoreMetrics implements MeterBinder {
    private final H2Compaction compaction;

    public H2StoreMetrics(H2Compaction compaction) {
        this.compaction = compaction;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!compaction.embedded()) {
            return;
        }
        Gauge.builder(
                        "mlcore.h2.file.size",
                        this,
                        m -> m.read(s -> s.getFileStore().size()))
                .baseUnit("bytes")
                .description("Length of the embedded H2 store's file")
                .register(registry);
        Gauge.builder("mlcore.h2.chunks", this, m -> m.read(H2Compaction::chunks))
                .description("MVStore chunks in the embedded H2 store's file")
                .register(registry);
        Gauge.builder(
                        "mlcore.h2.chunks.fill.ratio",
                        this,
                        m -> m.read(s -> s.getFileStore().getChunksFillRate() / 100.0))
                .description("Live share of the bytes in the embedded H2 store's chunks (0-1)")
                .register(registry);
        FunctionCounter.builder("mlcore.h2.compactions", compaction, H2Compaction::runs)
                .tag("kind", "full")
                .description("Compactions of the embedded H2 store")
                .register(registry);
        FunctionCounter.builder("mlcore.h2.compactions", compaction, H2Compaction::rewrites)
                .tag("kind", "rewrite")
                .description("Compactions of the embedded H2 store")
                .register(registry);
    }

    private double read(ToDoubleFunction<MVStore> value) {
        try {
            Optional<MVStore> store = compaction.mvStore();
            return store.isPresent() ? value.applyAsDouble(store.get()) : Double.NaN;
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
