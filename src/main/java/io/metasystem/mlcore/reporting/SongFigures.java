package io.metasystem.mlcore.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One song of the artist's latest Spotify for Artists per-song import, in the report. The export covers the period
 * chosen in Spotify's UI when it was exported (it carries no dates), so these are not the report's range and are not
 * split by day or attributed to spend.
 *
 * @param song            song title as exported
 * @param streams         streams in the exported period, nullable
 * @param listeners       listeners in the exported period, nullable
 * @param saves           saves in the exported period, nullable
 * @param releaseDate     release date, nullable
 * @param shareOfStreams  the song's streams ÷ the streams of all the artist's imported songs (0-1), nullable
 * @param savesPerListener saves ÷ listeners, nullable
 * @param releasedInRange whether the release date lies in the report's range
 * @param importedAt      when the song's row was last imported
 */
public record SongFigures(
        String song,
        Long streams,
        Long listeners,
        Long saves,
        LocalDate releaseDate,
        BigDecimal shareOfStreams,
        BigDecimal savesPerListener,
        boolean releasedInRange,
        OffsetDateTime importedAt) {}
