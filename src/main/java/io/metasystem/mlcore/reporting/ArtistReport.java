package io.metasystem.mlcore.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An artist's daily table of Meta spend next to platform metrics, with totals and naive ratios.
 *
 * @param artistId    the artist
 * @param from        first day, inclusive
 * @param to          last day, inclusive
 * @param currency    the ad accounts' currency (money fields); null when no spend is stored
 * @param days        one row per day from {@code from} to {@code to}
 * @param totals      sums over the days: spend, meta_conversions, streams, followers_gained, youtube_views,
 *                    subscribers_gained (platform metrics over imported days only)
 * @param naiveRatios total spend ÷ total metric: NOT incremental (see {@code note})
 * @param warnings    what makes the table incomplete (missing days, mixed currencies)
 * @param songs       the latest per-song import, most streamed first (empty without one); see {@code songsNote}
 * @param songsNote   what the per-song figures cover (the exported period, not the report's range)
 */
public record ArtistReport(
        String artistId,
        LocalDate from,
        LocalDate to,
        String currency,
        List<ReportDay> days,
        Map<String, BigDecimal> totals,
        Map<String, Object> naiveRatios,
        List<String> warnings,
        List<SongFigures> songs,
        String songsNote) {}
