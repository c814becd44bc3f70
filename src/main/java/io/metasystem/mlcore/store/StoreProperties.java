package io.metasystem.mlcore.store;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Store settings from the environment ({@code DATABASE_URL}, {@code MAX_IMPORT_SIZE}).
 *
 * @param databaseUrl   JDBC URL or {@code postgresql://user:pass@host:port/db}; blank means the embedded H2 file
 *                      database under {@code ./data/}
 * @param maxImportSize largest accepted body of an import route (the generic {@code MAX_REQUEST_SIZE} does not apply)
 * @param connectionTimeout how long a request waits for a database connection before it answers 503
 *                      ({@code DATABASE_CONNECTION_TIMEOUT}, default 10s)
 */
@Validated
@ConfigurationProperties(prefix = "mlcore.store")
public record StoreProperties(
        String databaseUrl,
        @NotNull DataSize maxImportSize,
        @DefaultValue("10s") Duration connectionTimeout) {

    @Override
    public String toString() {
        return "StoreProperties[databaseUrl="
                + (databaseUrl == null || databaseUrl.isBlank() ? "<embedded H2>" : DatabaseUrl.redact(databaseUrl))
                + ", maxImportSize=" + maxImportSize + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
