package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.reporting.model.DistributedLag;
import io.metasystem.mlcore.reporting.model.Estimate;
import io.metasystem.mlcore.reporting.model.LagInput;
import io.metasystem.mlcore.reporting.model.LagResult;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link DistributedLag} to an artist's stored days: the report of the period plus {@value #WARM_UP} earlier
 * days of spend that only warm up the adstock, and the artist's events as baseline shifts.
 */
@Service
public class AttributionService {
    /** Days before {@code from} whose spend feeds the adstock. */
    public static final int WARM_UP = 28;

    private final ReportService reports;
    private final ArtistEvents events;

    public AttributionService(ReportService reports, ArtistEvents events) {
        this.reports = reports;
        this.events = events;
    }

    /**
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     */
    public Attribution attribute(String artistId, AttributionMetric metric, LocalDate from, LocalDate to) {
        LagFit fit = fit(artistId, metric, from, to);
        LagResult r = fit.result();
        return new Attribution(
                metric.wire(),
                from,
                to,
                fit.currency(),
                interval(r.incrementalPerUnitSpend(), false),
                interval(r.costPerIncremental(), true),
                interval(r.decayHalfLifeDays(), false),
                interval(r.shareFromAds(), false),
                diagnostics(r),
                r.warnings(),
                DistributedLag.METHOD);
    }

    /**
     * For the optimizer's {@code streams} objective: an artist's incremental streams per Meta conversion over the
     * period, from the streams attribution and the period's spend per conversion.
     *
     * @return null when unknown (no conversions, no spend variation, too little data, unknown artist's data)
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     */
    public IncrementalPerConversion incrementalStreamsPerConversion(String artistId, LocalDate from, LocalDate to) {
        LagFit fit = fit(artistId, AttributionMetric.STREAMS, from, to);
        Estimate beta = fit.result().incrementalPerUnitSpend();
        BigDecimal conversions = fit.report().totals().get("meta_conversions");
        BigDecimal spend = fit.report().totals().get("spend");
        if (beta == null || conversions.signum() <= 0 || spend.signum() <= 0) {
            return null;
        }
        double costPerConversion = spend.doubleValue() / conversions.doubleValue();
        return new IncrementalPerConversion(
                beta.mean() * costPerConversion, (beta.upper() - beta.lower()) / (2 * 1.645) * costPerConversion);
    }

    private record LagFit(LagResult result, ArtistReport report, String currency) {}

    private LagFit fit(String artistId, AttributionMetric metric, LocalDate from, LocalDate to) {
        LocalDate start = from.minusDays(WARM_UP);
        ArtistReport report = reports.report(artistId, start, to);
        int n = report.days().size();
        double[] y = new double[n];
        double[] spend = new double[n];
        int[] dow = new int[n];
        for (int i = 0; i < n; i++) {
            ReportDay day = report.days().get(i);
            Long value = metric.of(day);
            y[i] = i < WARM_UP || value == null ? Double.NaN : value;
            spend[i] = day.spend().doubleValue();
            dow[i] = day.date().getDayOfWeek().getValue() - 1;
        }
        List<ArtistEvent> known = events.list(artistId, start.minusDays(DistributedLag.EVENT_DAYS), to);
        int[] eventDays = known.stream()
                .mapToInt(e -> (int) ChronoUnit.DAYS.between(start, e.date()))
                .toArray();
        long seed = 31L * artistId.hashCode() + metric.ordinal() + from.toEpochDay() * 1_000_003L;
        LagResult result = DistributedLag.fit(new LagInput(y, spend, dow, eventDays, seed));
        List<String> warnings = new ArrayList<>(result.warnings());
        int missing = 0;
        for (int i = WARM_UP; i < n; i++) {
            missing += metric.of(report.days().get(i)) == null ? 1 : 0;
        }
        if (missing > 0) {
            warnings.add((n - WARM_UP - missing) + " of " + (n - WARM_UP) + " days have " + metric.wire()
                    + " imported; the others are left out of the fit");
        }
        report.warnings().stream().filter(w -> w.contains("currencies")).forEach(warnings::add);
        LagResult withReport = new LagResult(
                result.incrementalPerUnitSpend(),
                result.costPerIncremental(),
                result.decayHalfLifeDays(),
                result.shareFromAds(),
                result.probabilityPositive(),
                result.diagnostics(),
                warnings);
        return new LagFit(withReport, report, report.currency());
    }

    private static Map<String, Object> interval(Estimate e, boolean withMedian) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mean", e == null ? null : round(e.mean()));
        if (withMedian) {
            out.put("median", e == null ? null : round(e.median()));
        }
        out.put("interval", e == null ? null : List.of(round(e.lower()), round(e.upper())));
        return out;
    }

    private static Map<String, Object> diagnostics(LagResult r) {
        Map<String, Object> out = new LinkedHashMap<>(r.diagnostics());
        out.put("probability_incremental_positive", r.probabilityPositive());
        out.put("credible_level", 0.9);
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
