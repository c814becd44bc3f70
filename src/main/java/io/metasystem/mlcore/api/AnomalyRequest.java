package io.metasystem.mlcore.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/anomalies/detect}: ad sets with their daily rows exactly as in optimize. Checked by
 * {@link AnomalyRequestValidator}, which names the JSON path of every problem.
 */
@Schema(description = "Daily ad-set series to check for outliers and deviations")
public record AnomalyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 10,000 ad sets")
        List<AdSet> adsets,

        @Schema(
                description = "Metrics to check; omitted: spend, conversions, cpm, ctr, cvr",
                example = "[\"ctr\", \"cpm\"]")
        List<String> metrics,

        @Schema(
                allowableValues = {"low", "medium", "high"},
                defaultValue = "medium")
        String sensitivity,

        @Schema(description = "Report anomalies on or after this day only; earlier days still form the baseline")
        LocalDate from,

        @Schema(
                description = "Also check the day-by-day sum of the posted ad sets (at least two), reported with "
                        + "adset_id account_total",
                defaultValue = "false")
        Boolean accountTotal) {

    /** One ad set. */
    @Schema(name = "AnomalyAdSet")
    public record AdSet(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            String name,

            @Schema(
                    description = "Delivery stops and pacing are checked on ACTIVE ad sets only (a paused ad set is "
                            + "meant to spend nothing)",
                    allowableValues = {"ACTIVE", "PAUSED"},
                    defaultValue = "ACTIVE")
            String status,

            @Schema(description = "Current daily budget, account currency; enables the pacing check")
            Double dailyBudget,

            @Schema(description = "Daily rows in increasing date order, as in optimize")
            List<OptimizeRequest.Daily> daily) {}
}
