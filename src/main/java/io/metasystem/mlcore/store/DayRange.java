package io.metasystem.mlcore.store;

import java.time.LocalDate;

/**
 * Extent of the insight days with spend in a window, so a caller can refuse a too-short window before loading it.
 *
 * @param first       first day with spend, null when there is none
 * @param last        last day with spend, null when there is none
 * @param rows        ad-set days with spend
 * @param conversions their conversions
 */
public record DayRange(LocalDate first, LocalDate last, long rows, double conversions) {
    /** Days from first to last inclusive, 0 when empty. */
    public long span() {
        return first == null ? 0 : last.toEpochDay() - first.toEpochDay() + 1;
    }
}
