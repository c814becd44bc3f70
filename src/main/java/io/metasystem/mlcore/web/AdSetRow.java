package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AdSet;

/** An ad set with its totals over the page's period (public for the templates). */
public record AdSetRow(AdSet adSet, DayTotals totals) {}
