package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.InsightImporter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The example Ads Manager export read independently of the store's importer (plain commons-csv, the English column
 * names), so the tests can compute what the pages must show.
 */
final class SeededCsv {
    static final Path FILE = Path.of("docs", "examples", "ads_manager_export.csv");

    record Row(String adSetId, LocalDate day, BigDecimal spend, long impressions, long clicks, BigDecimal results) {}

    private SeededCsv() {}

    /** Imports {@link #FILE} into {@code act_<account>} through the store's importer (as the CSV route does). */
    static void importInto(InsightImporter importer, String account) {
        try (InputStream csv = Files.newInputStream(FILE)) {
            importer.importRows("act_" + account, "csv", AdsManagerCsv.parse(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> rows() {
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : csv) {
                rows.add(new Row(
                        r.get("Ad set ID"),
                        LocalDate.parse(r.get("Day")),
                        new BigDecimal(r.get("Amount spent (EUR)")),
                        Long.parseLong(r.get("Impressions")),
                        Long.parseLong(r.get("Link clicks")),
                        new BigDecimal(r.get("Results"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate lastDay() {
        return rows().stream().map(Row::day).max(LocalDate::compareTo).orElseThrow();
    }

    /** Spend of the {@code days} days ending on the file's last day, optionally of one ad set. */
    static BigDecimal spend(int days, String adSetId) {
        LocalDate last = lastDay();
        LocalDate from = last.minusDays(days - 1L);
        return rows().stream()
                .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(last))
                .filter(r -> adSetId == null || r.adSetId().equals(adSetId))
                .map(Row::spend)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
