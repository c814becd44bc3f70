package io.metasystem.mlcore.simulation;

/**
 * One ad set's noisy delivery on one day (what Ads Manager would report).
 *
 * @param spend       currency spent
 * @param impressions impressions served
 * @param clicks      link clicks
 * @param conversions conversions of the optimised event
 * @param revenue     conversion value (currency)
 */
record DayOutcome(double spend, double impressions, double clicks, double conversions, double revenue) {
    public static final DayOutcome NONE = new DayOutcome(0, 0, 0, 0, 0);
}
