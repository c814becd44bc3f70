package io.metasystem.mlcore.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An ad account as stored, with a summary of its data.
 *
 * @param currency     nullable until a file names it
 * @param firstDate    earliest insight day, nullable
 * @param lastDate     latest insight day, nullable
 */
public record Account(
        String id,
        String name,
        String currency,
        long adSetCount,
        long insightRows,
        LocalDate firstDate,
        LocalDate lastDate,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
