package io.metasystem.mlcore.ml;

/** Denominator of a rate: conversions per unit of spend (1/CPA) or per click (CVR). */
public enum Exposure {
    SPEND,
    CLICKS
}
