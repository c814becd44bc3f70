package io.metasystem.mlcore.web;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON a chart element carries in its {@code data-chart} attribute, read by {@code /js/dashboard.js}: an x axis
 * (ISO days or category names) and series on one or two y axes. Labels arrive already translated.
 */
final class ChartData {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String xType;
    private final List<String> x;
    private final String currency;
    private final List<Map<String, Object>> series = new ArrayList<>();

    private ChartData(String xType, List<String> x, String currency) {
        this.xType = xType;
        this.x = List.copyOf(x);
        this.currency = currency;
    }

    /** A chart over days. */
    static ChartData days(List<DayTotals.Daily> days, String currency) {
        return new ChartData("date", days.stream().map(d -> d.date().toString()).toList(), currency);
    }

    /** A chart over the given days. */
    static ChartData dates(List<LocalDate> dates, String currency) {
        return new ChartData("date", dates.stream().map(LocalDate::toString).toList(), currency);
    }

    /**
     * A chart over a numeric x axis (a daily budget in {@code currency}); its series are added with {@link #points}.
     */
    static ChartData budgets(String currency) {
        return new ChartData("value", List.of(), currency);
    }

    /**
     * Adds a series of (x, y) points to a {@link #budgets} chart.
     *
     * @param type   {@code line} or {@code scatter}
     * @param format how y values are written ({@code count}, …)
     */
    ChartData points(String name, String type, String format, List<double[]> points) {
        if (!"value".equals(xType)) {
            throw new IllegalStateException("points need a numeric x axis");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("axis", 0);
        s.put("format", format);
        s.put(
                "points",
                points.stream().map(p -> List.of(round(p[0]), round(p[1]))).toList());
        series.add(s);
        return this;
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    /** A chart over model versions in registration order (drawn like days: along the x axis, lines). */
    static ChartData versions(List<String> names) {
        return new ChartData("version", names, null);
    }

    /** A chart over named categories (ad sets). */
    static ChartData categories(List<String> names, String currency) {
        return new ChartData("category", names, currency);
    }

    /**
     * Adds a series.
     *
     * @param type   {@code bar} or {@code line}
     * @param axis   0 (left) or 1 (right)
     * @param format {@code money}, {@code count}, {@code multiple} or {@code percent}: how values and the axis are
     *               written
     * @param values one per x value, null for a gap
     */
    ChartData series(String name, String type, int axis, String format, List<? extends Number> values) {
        if (values.size() != x.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for " + x.size());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("axis", axis);
        s.put("format", format);
        s.put("values", new ArrayList<>(values));
        series.add(s);
        return this;
    }

    /**
     * Adds anomaly markers ({@link AnomalyMarks}) to the last added series; {@code /js/dashboard.js} draws them as
     * markPoints and, where an expected value is given, its interval as an error bar.
     */
    ChartData marks(List<Map<String, Object>> marks) {
        if (series.isEmpty()) {
            throw new IllegalStateException("marks belong to a series");
        }
        if (!marks.isEmpty()) {
            series.get(series.size() - 1).put("marks", List.copyOf(marks));
        }
        return this;
    }

    /** Values of a per-day figure. */
    static <T extends Number> List<T> of(List<DayTotals.Daily> days, Function<DayTotals, T> figure) {
        List<T> out = new ArrayList<>(days.size());
        days.forEach(d -> out.add(figure.apply(d.totals())));
        return out;
    }

    /** Spend rounded to cents, as a chart shows it. */
    static Double money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The attribute value. */
    String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x_type", xType);
        out.put("x", x);
        out.put("currency", currency);
        out.put("series", series);
        return JSON.writeValueAsString(out);
    }
}
