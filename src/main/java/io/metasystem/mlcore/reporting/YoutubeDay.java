package io.metasystem.mlcore.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a YouTube channel; every metric nullable (absent from the export).
 *
 * @param date              UTC day (YouTube Analytics reports days in Pacific time; the export's date is kept)
 * @param views             views
 * @param watchTimeHours    watch time in hours
 * @param subscribersGained subscribers gained (the Studio export's net {@code Subscribers} when it has no
 *                          gained column)
 * @param subscribersLost   subscribers lost
 * @param impressions       thumbnail impressions
 * @param impressionsCtr    impressions click-through rate in percent
 * @param likes             likes
 * @param shares            shares
 */
public record YoutubeDay(
        LocalDate date,
        Long views,
        BigDecimal watchTimeHours,
        Long subscribersGained,
        Long subscribersLost,
        Long impressions,
        BigDecimal impressionsCtr,
        Long likes,
        Long shares) {
    public YoutubeDay {
        Objects.requireNonNull(date, "date");
    }

    /** This day's values, and the stored ones where this day has none. */
    YoutubeDay over(YoutubeDay stored) {
        return new YoutubeDay(
                date,
                views != null ? views : stored.views,
                watchTimeHours != null ? watchTimeHours : stored.watchTimeHours,
                subscribersGained != null ? subscribersGained : stored.subscribersGained,
                subscribersLost != null ? subscribersLost : stored.subscribersLost,
                impressions != null ? impressions : stored.impressions,
                impressionsCtr != null ? impressionsCtr : stored.impressionsCtr,
                likes != null ? likes : stored.likes,
                shares != null ? shares : stored.shares);
    }

    /** Equal values, decimals compared by value (4.50 = 4.5). */
    boolean sameAs(YoutubeDay o) {
        return date.equals(o.date)
                && Objects.equals(views, o.views)
                && same(watchTimeHours, o.watchTimeHours)
                && Objects.equals(subscribersGained, o.subscribersGained)
                && Objects.equals(subscribersLost, o.subscribersLost)
                && Objects.equals(impressions, o.impressions)
                && same(impressionsCtr, o.impressionsCtr)
                && Objects.equals(likes, o.likes)
                && Objects.equals(shares, o.shares);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
