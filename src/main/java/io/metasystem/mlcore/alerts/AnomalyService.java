package io.metasystem.mlcore.alerts;

import io.metasystem.mlcore.alerts.detect.AccountTotal;
import io.metasystem.mlcore.alerts.detect.AnomalyDetector;
import io.metasystem.mlcore.alerts.detect.DayRow;
import io.metasystem.mlcore.alerts.detect.DetectionResult;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.SeriesInput;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Anomaly detection on posted series (stateless) and on an account's stored insights. */
@Service
public class AnomalyService {
    /** Days before {@code from} read from the store to form the baseline (the detector's seasonal window). */
    public static final int BASELINE_DAYS = 56;

    private final AnomalyDetector detector = new AnomalyDetector();
    private final InsightStore store;

    AnomalyService(InsightStore store) {
        this.store = store;
    }

    /** Detection on posted series. */
    public DetectionResult detect(List<SeriesInput> series, DetectionSettings settings) {
        return detector.detect(series, settings);
    }

    /**
     * Detection on the stored insights of ACTIVE and PAUSED ad sets of an account and on their sum
     * ({@link AccountTotal}, when the account has at least two ad sets), reporting days in
     * {@code [from, to]} and reading {@value #BASELINE_DAYS} days before {@code from} as their baseline.
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the account is not stored
     */
    public DetectionResult detectStored(String accountId, LocalDate from, LocalDate to, DetectionSettings settings) {
        List<AdSetHistory> histories = store.histories(accountId, null, from.minusDays(BASELINE_DAYS), to);
        List<SeriesInput> series = series(histories);
        SeriesInput total = AccountTotal.of(series);
        if (total != null) {
            series.add(total);
        }
        return detector.detect(series, settings.withRange(from, to));
    }

    /** Latest insight day of the account, null when it has none. */
    public LocalDate lastDate(String accountId) {
        return store.lastDate(accountId);
    }

    static List<SeriesInput> series(List<AdSetHistory> histories) {
        List<SeriesInput> out = new ArrayList<>();
        for (AdSetHistory h : histories) {
            List<DayRow> rows = new ArrayList<>();
            for (DailyInsight d : h.days()) {
                rows.add(new DayRow(
                        d.date(),
                        d.spend() == null ? 0 : d.spend().doubleValue(),
                        d.impressions() == null ? null : d.impressions().doubleValue(),
                        d.clicks() == null ? null : d.clicks().doubleValue(),
                        number(d.conversions()),
                        number(d.revenue())));
            }
            BigDecimal budget = h.adSet().dailyBudget();
            out.add(new SeriesInput(
                    h.adSet().id(),
                    h.adSet().name(),
                    !"PAUSED".equalsIgnoreCase(h.adSet().status()),
                    budget == null ? null : budget.doubleValue(),
                    rows));
        }
        return out;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
