package io.metasystem.mlcore.ml;

import java.util.List;

/**
 * One unit of a feature table: an ad (per-ad data) or a segment-day (daily data).
 *
 * @param group       the unit a new ad set corresponds to (fb ad set id, or the daily segment key); used to group folds
 *                    and to aggregate held-out dispersion
 * @param day         day index from the first day of the data set (0-based), or -1 when the data has no dates
 * @param categorical categorical feature values, in the order of {@link FeatureTable#categoricalNames()}
 * @param numeric     numeric feature values ({@code NaN} = missing), in the order of {@link
 * FeatureTable#numericNames()}
 * @param spend       exposure in currency units, &gt; 0
 * @param clicks      clicks, &ge; 0
 * @param conversions target count, &ge; 0
 */
public record FeatureRow(
        String group,
        int day,
        List<String> categorical,
        double[] numeric,
        double spend,
        double clicks,
        double conversions) {
    public FeatureRow {
        if (!(spend > 0) || !Double.isFinite(spend)) {
            throw new IllegalArgumentException("spend must be > 0, was " + spend);
        }
        if (clicks < 0 || conversions < 0) {
            throw new IllegalArgumentException(
                    "clicks and conversions must be >= 0, were " + clicks + ", " + conversions);
        }
        categorical = List.copyOf(categorical);
        numeric = numeric.clone();
    }

    /** Exposure of this row for the given denominator (spend or clicks). */
    public double exposure(Exposure e) {
        return e == Exposure.SPEND ? spend : clicks;
    }
}
