package io.metasystem.mlcore.optimizer;

/**
 * What one conversion of an ad set is worth, for {@link Objective#VALUE} (e.g. streams per conversion from the
 * reporting package, or an order value). Units are the caller's value unit per conversion.
 *
 * @param mean value of one conversion, &gt; 0
 * @param sd   standard deviation of that value, &ge; 0, nullable (known exactly); it enters the risk penalty
 */
public record ConversionValue(double mean, Double sd) {
    public ConversionValue {
        Checks.positive("value_per_conversion", mean);
        Checks.nonNegativeOrNull("value_per_conversion_sd", sd);
    }

    /** The standard deviation, 0 when unknown. */
    public double sdOrZero() {
        return sd == null ? 0.0 : sd;
    }
}
