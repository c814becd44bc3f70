package io.metasystem.mlcore.reporting;

import java.time.LocalDate;

/**
 * What one platform import did.
 *
 * @param artistId  the artist
 * @param kind      {@code spotify_timeline}, {@code spotify_songs} or {@code youtube_daily}
 * @param rowsRead  data rows in the file
 * @param inserted  new (artist, day) or (artist, song) rows
 * @param updated   stored rows whose values changed
 * @param unchanged rows equal to what was stored
 * @param firstDay  earliest day of the file; null for the per-song table
 * @param lastDay   latest day of the file; null for the per-song table
 */
public record PlatformImportReport(
        String artistId,
        String kind,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        LocalDate firstDay,
        LocalDate lastDay) {}
