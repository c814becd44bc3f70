package io.metasystem.mlcore.alerts.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Day-of-week factors of a metric's log values from the last {@value AnomalyDetector#SEASON_WINDOW} days before t,
 * each day centred on the median of its regime (so a level shift does not look like seasonality). Weekday w's factor
 * is the median of its centred values shrunk by n_w/(n_w + 1); with fewer than
 * {@value AnomalyDetector#MIN_SEASONAL} days or fewer than 3 of a weekday, that factor is 0.
 */
final class Seasonality {
    private static final int MIN_PER_WEEKDAY = 3;

    private final double[] factors;
    private final List<Integer> days;
    private final double[] centred;
    private final int[] weekdayOf;

    private Seasonality(double[] factors, List<Integer> days, double[] centred, int[] weekdayOf) {
        this.factors = factors;
        this.days = days;
        this.centred = centred;
        this.weekdayOf = weekdayOf;
    }

    static Seasonality of(MetricModel model, int t, boolean[] excluded, int[] regime) {
        int from = Math.max(0, t - AnomalyDetector.SEASON_WINDOW);
        List<Integer> days = new ArrayList<>();
        for (int d = from; d < t; d++) {
            if (model.usable(d) && !excluded[d]) {
                days.add(d);
            }
        }
        double[] centred = new double[days.size()];
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j < days.size() && regime[days.get(j)] == regime[days.get(i)]) {
                j++;
            }
            double[] values = new double[j - i];
            for (int k = i; k < j; k++) {
                values[k - i] = model.logValue(days.get(k));
            }
            double median = RobustStats.median(values, values.length);
            for (int k = i; k < j; k++) {
                centred[k] = values[k - i] - median;
            }
            i = j;
        }
        Seasonality s = new Seasonality(new double[7], days, centred, model.weekday);
        if (days.size() >= AnomalyDetector.MIN_SEASONAL) {
            for (int w = 0; w < 7; w++) {
                s.factors[w] = s.estimate(w, -1);
            }
        }
        return s;
    }

    double[] factors() {
        return factors;
    }

    double factor(int weekday) {
        return factors[weekday];
    }

    /** The factor of day d's weekday estimated without day d (leave-one-out). */
    double factorWithout(int day) {
        if (days.size() < AnomalyDetector.MIN_SEASONAL) {
            return 0;
        }
        return estimate(weekdayOf[day], day);
    }

    private double estimate(int weekday, int leaveOut) {
        double[] values = new double[days.size()];
        int count = 0;
        for (int k = 0; k < days.size(); k++) {
            int d = days.get(k);
            if (weekdayOf[d] == weekday && d != leaveOut) {
                values[count++] = centred[k];
            }
        }
        return count >= MIN_PER_WEEKDAY ? RobustStats.median(values, count) * count / (count + 1.0) : 0;
    }
}
