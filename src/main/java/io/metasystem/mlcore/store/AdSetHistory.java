package io.metasystem.mlcore.store;

import java.util.List;

/**
 * An ad set with its daily rows in increasing date order, as the optimizer needs them.
 */
public record AdSetHistory(AdSet adSet, List<DailyInsight> days) {
    public AdSetHistory {
        days = List.copyOf(days);
    }
}
