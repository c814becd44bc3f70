package io.metasystem.mlcore.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of an artist's joined report; a platform metric is null when that day was not imported.
 *
 * @param date              UTC day
 * @param spend             Meta spend of the artist's ad sets, account currency; 0 when none
 * @param metaConversions   Meta conversions (click-outs to Spotify or YouTube) of those ad sets; 0 when none
 * @param streams           Spotify streams (30 s or more)
 * @param listeners         Spotify listeners
 * @param followersGained   Spotify followers gained (from the cumulative followers)
 * @param youtubeViews      YouTube views
 * @param subscribersGained YouTube subscribers gained
 */
public record ReportDay(
        LocalDate date,
        BigDecimal spend,
        BigDecimal metaConversions,
        Long streams,
        Long listeners,
        Long followersGained,
        Long youtubeViews,
        Long subscribersGained) {}
