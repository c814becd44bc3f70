package io.metasystem.mlcore.ml;

/** A fitted model of expected conversions per unit of exposure (spend or clicks). */
public interface RateModel {
    /** Expected conversions per unit of exposure for the row's attributes, &gt; 0 (exposure of the row is ignored). */
    double rate(FeatureRow row);

    /** Expected conversions of the row: {@code rate(row) * row.exposure(e)}. */
    default double expected(FeatureRow row, Exposure e) {
        return rate(row) * row.exposure(e);
    }
}
