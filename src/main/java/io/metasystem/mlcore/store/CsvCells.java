package io.metasystem.mlcore.store;

import org.apache.commons.csv.CSVParser;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The cell rules of the Ads Manager CSV import ({@link AdsManagerCsv}) for other CSV imports (Spotify for Artists,
 * YouTube Studio in {@code reporting}): the sniffed separator, header normalisation, dates and numbers, so every
 * CSV the service reads accepts the same spellings.
 */
public final class CsvCells {
    private CsvCells() {}

    /**
     * Opens a CSV file as every import reads it (UTF-8, BOM skipped, separator sniffed, header read); the caller
     * closes the parser.
     *
     * @return the parser positioned after the header, and the separator
     * @throws io.metasystem.mlcore.store.ImportRejectedException when the file is empty
     * @throws org.apache.commons.csv.CSVException when the header line is not valid CSV
     * @throws IOException when reading fails
     */
    public static Opened open(InputStream in) throws IOException {
        return AdsManagerCsv.open(in);
    }

    /** A CSV file opened on its header line, and the separator sniffed from it. */
    public record Opened(CSVParser parser, char delimiter) {}

    /** @return {@code ,}, {@code ;} or tab, whichever separates the most fields of the header line outside quotes */
    public static char delimiter(String headerLine) {
        return AdsManagerCsv.sniff(headerLine);
    }

    /** @return the header without BOM, a trailing {@code (EUR)}-style currency, accents, case or repeated spaces */
    public static String normalise(String header) {
        return AdsManagerCsv.normalise(header);
    }

    /** @return the day of {@code YYYY-MM-DD}, an ISO date-time or {@code DD/MM/YYYY}; null when none of these */
    public static LocalDate date(String value) {
        return AdsManagerCsv.parseDate(value.strip());
    }

    /**
     * As the Ads Manager import: thousands separators, decimal commas (always when {@code decimalComma}), currency
     * symbols and {@code %} are accepted.
     *
     * @throws NumberFormatException when the text is not a number
     */
    public static BigDecimal number(String value, boolean decimalComma) {
        return Numbers.parse(value, decimalComma);
    }
}
