package io.metasystem.mlcore.ml;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loaders for the two public data sets of {@code data/samples/} (see its README for provenance).
 *
 * <p><b>Zero-spend rows are dropped</b> (and counted in {@link FeatureTable#droppedRows()}): every model predicts
 * conversions per unit of spend with log(spend) as offset, so a row without spend carries no information about that
 * rate (its expected count is 0 whatever the rate) and conversions recorded at zero spend (207 kag ads with 212 total /
 * 76 approved conversions, attribution of unpaid exposure) cannot be bought with budget. In the daily data the 64
 * zero-cost rows have no conversions (108 displays, 1 click).
 */
public final class Datasets {
    /** The first day of the daily data set (the year is not in the file; its description gives Q2 2020). */
    public static final LocalDate ONLINE_START = LocalDate.of(2020, 4, 1);

    /** Window of "recent spend": days d-13 .. d-7, so it is known at every origin of a 7-day forecast horizon. */
    static final int RECENT_LAG = 7;

    static final int RECENT_WIDTH = 7;

    private Datasets() {}

    /** Which target of the kag file to model. */
    public enum KagTarget {
        APPROVED("Approved_Conversion"),
        TOTAL("Total_Conversion");

        final String column;

        KagTarget(String column) {
            this.column = column;
        }
    }

    /**
     * Loads either file, recognised by its header.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the header is neither data set's
     */
    public static FeatureTable load(Path csv, KagTarget kagTarget) throws IOException {
        String header;
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElse("");
        }
        if (header.contains("Approved_Conversion")) {
            return loadKag(csv, kagTarget);
        }
        if (header.contains("post_click_conversions")) {
            return loadOnlineAdvertising(csv);
        }
        throw new IllegalArgumentException("csv: unknown data set, header was: " + header);
    }

    /**
     * Per-ad Facebook data (Kaggle "Sales Conversion Optimization"); groups are fb ad sets
     * ({@code fb_campaign_id}).
     */
    public static FeatureTable loadKag(Path csv, KagTarget target) throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        int dropped = 0;
        double droppedConv = 0;
        for (CSVRecord r : parse(csv)) {
            double spend = num(r, "Spent");
            double conv = num(r, target.column);
            if (spend <= 0) {
                dropped++;
                droppedConv += conv;
                continue;
            }
            rows.add(new FeatureRow(
                    "adset:" + r.get("fb_campaign_id"),
                    -1,
                    List.of(r.get("xyz_campaign_id"), r.get("age"), r.get("gender"), r.get("interest")),
                    new double[] {Math.log(spend)},
                    spend,
                    num(r, "Clicks"),
                    conv));
        }
        return new FeatureTable(
                "kag",
                target.column,
                List.of("campaign", "age", "gender", "interest"),
                List.of("log_spend"),
                rows,
                dropped,
                droppedConv,
                false,
                "no dates (per-ad totals)",
                sha256(csv));
    }

    /**
     * Daily display data (Kaggle "Online Advertising Digital Marketing Data"). Features: campaign, engagement, banner,
     * placement ({@code #N/A} becomes {@code unknown}); day of week; days since the campaign's first day; recent spend
     * of the segment (sum of cost over days d-13..d-7, NaN before day 7).
     */
    public static FeatureTable loadOnlineAdvertising(Path csv) throws IOException {
        record Raw(
                int day,
                String campaign,
                String engagement,
                String banner,
                String placement,
                double cost,
                double clicks,
                double conv) {
            String segment() {
                return campaign + "|" + engagement + "|" + banner + "|" + placement;
            }
        }
        List<Raw> raws = new ArrayList<>();
        for (CSVRecord r : parse(csv)) {
            Month month = Month.valueOf(r.get("month").trim().toUpperCase(Locale.ROOT));
            LocalDate date = LocalDate.of(
                    ONLINE_START.getYear(), month, Integer.parseInt(r.get("day").trim()));
            int day = (int) (date.toEpochDay() - ONLINE_START.toEpochDay());
            String placement = r.get("placement").trim();
            raws.add(new Raw(
                    day,
                    r.get("campaign_number").trim(),
                    r.get("user_engagement").trim(),
                    r.get("banner").trim(),
                    placement.equals("#N/A") || placement.isEmpty() ? "unknown" : placement,
                    num(r, "cost"),
                    num(r, "clicks"),
                    num(r, "post_click_conversions")));
        }
        Map<String, Integer> campaignStart = new HashMap<>();
        Map<String, double[]> costBySegmentDay = new HashMap<>();
        int maxDay = raws.stream().mapToInt(Raw::day).max().orElse(0);
        for (Raw r : raws) {
            campaignStart.merge(r.campaign, r.day, Math::min);
            costBySegmentDay.computeIfAbsent(r.segment(), k -> new double[maxDay + 1])[r.day] += r.cost;
        }
        List<FeatureRow> rows = new ArrayList<>();
        int dropped = 0;
        double droppedConv = 0;
        for (Raw r : raws) {
            if (r.cost <= 0) {
                dropped++;
                droppedConv += r.conv;
                continue;
            }
            double recent = Double.NaN;
            int to = r.day - RECENT_LAG;
            if (to >= 0) {
                double[] costs = costBySegmentDay.get(r.segment());
                recent = 0;
                for (int d = Math.max(0, to - RECENT_WIDTH + 1); d <= to; d++) {
                    recent += costs[d];
                }
            }
            DayOfWeek dow = ONLINE_START.plusDays(r.day).getDayOfWeek();
            rows.add(new FeatureRow(
                    r.segment(),
                    r.day,
                    List.of(r.campaign, r.engagement, r.banner, r.placement),
                    new double[] {dow.getValue(), r.day - campaignStart.get(r.campaign), recent, Math.log(r.cost)},
                    r.cost,
                    r.clicks,
                    r.conv));
        }
        String window = ONLINE_START + " .. " + ONLINE_START.plusDays(maxDay);
        return new FeatureTable(
                "online_advertising",
                "post_click_conversions",
                List.of("campaign", "engagement", "banner", "placement"),
                List.of("day_of_week", "days_since_start", "recent_spend_lag7", "log_spend"),
                rows,
                dropped,
                droppedConv,
                true,
                window,
                sha256(csv));
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        }
    }

    private static double num(CSVRecord r, String column) {
        String v = r.get(column).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    column + ": not a number at line " + r.getRecordNumber() + ": '" + v + "'");
        }
    }

    /** Hex sha256 of a file. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
