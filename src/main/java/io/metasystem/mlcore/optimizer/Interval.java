package io.metasystem.mlcore.optimizer;

/** A central credible interval (90 % unless stated), lower &le; upper. */
public record Interval(double lower, double upper) {
    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval lower " + lower + " > upper " + upper);
        }
    }
}
