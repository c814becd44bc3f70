package io.metasystem.mlcore.store;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Meta Ads Manager export (one row per ad set and day) as {@link ParsedLine}s, streaming. Columns are
 * found by header name, in English or Spanish (see {@link Column}); the separator ({@code ,} {@code ;} or tab) is
 * sniffed from the header line; a UTF-8 BOM is skipped; numbers may use a decimal comma. The currency is taken
 * from the spend header, e.g. {@code Amount spent (EUR)}. Columns without a mapping go to the row's extra metrics.
 */
public final class AdsManagerCsv {
    private static final Pattern CURRENCY = Pattern.compile("\\(([A-Za-z]{3})\\)\\s*$");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final JsonMapper JSON = StoredJson.MAPPER;

    /** The columns the store understands, with their accepted headers (compared without case, accents or currency). */
    public enum Column {
        ADSET_ID(false, "Ad set ID", "ID del conjunto de anuncios"),
        ADSET_NAME(false, "Ad set name", "Nombre del conjunto de anuncios"),
        CAMPAIGN_ID(false, "Campaign ID", "ID de la campaña"),
        CAMPAIGN_NAME(false, "Campaign name", "Nombre de la campaña"),
        DAY(true, "Day", "Día", "Reporting starts", "Inicio del informe"),
        SPEND(true, "Amount spent", "Importe gastado"),
        IMPRESSIONS(false, "Impressions", "Impresiones"),
        CLICKS(false, "Link clicks", "Clics en el enlace", "Clicks (all)", "Clics (todos)"),
        RESULTS(false, "Results", "Resultados", "Purchases", "Compras"),
        REVENUE(
                false,
                "Purchases conversion value",
                "Valor de conversión de compras",
                "Website purchases conversion value",
                "Valor de conversión de compras en el sitio web"),
        BUDGET(false, "Ad set budget", "Presupuesto del conjunto de anuncios"),
        DELIVERY(false, "Ad set delivery", "Entrega del conjunto de anuncios");

        final boolean required;
        final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }

        /** Accepted headers, English first. */
        public List<String> headers() {
            return headers;
        }
    }

    private AdsManagerCsv() {}

    /**
     * @param in the file, UTF-8 with or without BOM; not closed here
     * @throws ImportRejectedException when the header lacks a required column
     */
    public static Iterator<ParsedLine> parse(InputStream in) {
        try {
            CsvCells.Opened opened = open(in);
            return new Rows(opened.parser(), opened.delimiter());
        } catch (CSVException e) {
            throw new ImportRejectedException(new ImportProblem(1, "header", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a CSV file the way every import reads it: UTF-8, a BOM skipped, the separator sniffed from the header
     * line, the header read (names trimmed, duplicates and blanks allowed), empty lines ignored.
     *
     * @throws ImportRejectedException when the file is empty
     * @throws CSVException when the header line is not valid CSV
     */
    static CsvCells.Opened open(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1 << 16);
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new ImportRejectedException(new ImportProblem(1, "header", "the file is empty"));
        }
        reader.reset();
        if (headerLine.charAt(0) == '\uFEFF') {
            reader.skip(1);
        }
        char delimiter = sniff(headerLine);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        return new CsvCells.Opened(
                CSVParser.builder().setReader(reader).setFormat(format).get(), delimiter);
    }

    static char sniff(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static String normalise(String header) {
        String h = header.replace("\uFEFF", "").strip();
        h = CURRENCY.matcher(h).replaceAll("").strip();
        h = Normalizer.normalize(h, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return h.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static final class Rows extends LookaheadLines {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final Map<Column, Integer> index = new EnumMap<>(Column.class);
        private final Map<Column, String> headerOf = new EnumMap<>(Column.class);
        private final List<Integer> extraColumns = new ArrayList<>();
        private final List<String> headers;
        private final Integer reportingEnds;
        private final String currency;
        private final boolean decimalComma;
        private boolean failed;

        Rows(CSVParser parser, char delimiter) {
            this.parser = parser;
            this.headers = parser.getHeaderNames();
            this.decimalComma = delimiter == ';';
            Integer ends = null;
            String money = null;
            for (int i = 0; i < headers.size(); i++) {
                String raw = headers.get(i);
                String norm = normalise(raw);
                Column match = null;
                for (Column c : Column.values()) {
                    for (String alias : c.headers) {
                        if (normalise(alias).equals(norm)) {
                            match = c;
                        }
                    }
                }
                if (norm.equals("reporting ends") || norm.equals("fin del informe")) {
                    ends = i;
                } else if (match != null && !index.containsKey(match)) {
                    index.put(match, i);
                    headerOf.put(match, raw.replace("\uFEFF", "").strip());
                    if (match == Column.SPEND) {
                        Matcher m = CURRENCY.matcher(raw.strip());
                        money = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
                    }
                } else if (match == null && !raw.isBlank()) {
                    extraColumns.add(i);
                }
            }
            this.reportingEnds = ends;
            this.currency = money;
            List<ImportProblem> missing = new ArrayList<>();
            for (Column c : Column.values()) {
                if (c.required && !index.containsKey(c)) {
                    missing.add(new ImportProblem(
                            1,
                            c.headers.get(0),
                            "missing required column '" + c.headers.get(0) + "' (Spanish '" + c.headers.get(1) + "')"));
                }
            }
            if (!index.containsKey(Column.ADSET_ID) && !index.containsKey(Column.ADSET_NAME)) {
                missing.add(new ImportProblem(
                        1,
                        "Ad set ID",
                        "missing required column 'Ad set ID' or 'Ad set name' (Spanish 'ID del "
                                + "conjunto de anuncios' or " + "'Nombre del conjunto de anuncios')"));
            }
            if (!missing.isEmpty()) {
                throw new ImportRejectedException(missing, missing.size());
            }
            this.records = parser.iterator();
        }

        @Override
        ParsedLine read() {
            while (!failed) {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    ParsedLine line = toLine(records.next());
                    if (line != null) {
                        return line;
                    }
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CSVException format) {
                        failed = true;
                        return ParsedLine.invalid(List.of(new ImportProblem(
                                parser.getCurrentLineNumber() + 1, "file", "malformed CSV: " + format.getMessage())));
                    }
                    throw e;
                }
            }
            return null;
        }

        /** Null for a summary or blank row without an ad set (skipped). */
        private ParsedLine toLine(CSVRecord record) {
            long line = record.getRecordNumber() + 1;
            String adSetId = text(record, Column.ADSET_ID);
            String adSetName = text(record, Column.ADSET_NAME);
            if (adSetId == null && adSetName == null) {
                return null;
            }
            List<ImportProblem> problems = new ArrayList<>();
            if (!record.isConsistent()) {
                problems.add(new ImportProblem(
                        line, "file", "has " + record.size() + " fields, the header has " + headers.size()));
                return ParsedLine.invalid(problems);
            }
            LocalDate day = date(record, line, problems);
            BigDecimal spend = number(record, Column.SPEND, line, problems);
            BigDecimal impressions = number(record, Column.IMPRESSIONS, line, problems);
            BigDecimal clicks = number(record, Column.CLICKS, line, problems);
            BigDecimal results = number(record, Column.RESULTS, line, problems);
            BigDecimal revenue = number(record, Column.REVENUE, line, problems);
            BigDecimal budget = null;
            String budgetText = text(record, Column.BUDGET);
            if (budgetText != null) {
                try {
                    budget = Numbers.parse(budgetText, decimalComma);
                } catch (NumberFormatException e) {
                    budget = null; // e.g. "Using campaign budget": no ad-set budget
                }
                String tooLarge = budget == null ? null : Numbers.outOfRange(budget, Numbers.MAX_MONEY);
                if (tooLarge != null) {
                    problems.add(new ImportProblem(line, headerOf.get(Column.BUDGET), tooLarge));
                }
            }
            Long impressionCount = Numbers.whole(impressions, line, headerOf.get(Column.IMPRESSIONS), problems);
            Long clickCount = Numbers.whole(clicks, line, headerOf.get(Column.CLICKS), problems);
            if (!problems.isEmpty()) {
                return ParsedLine.invalid(problems);
            }
            ObjectNode extra = JSON.createObjectNode();
            for (int i : extraColumns) {
                String value = i < record.size() ? record.get(i) : "";
                if (value.isBlank()) {
                    continue;
                }
                try {
                    BigDecimal n = Numbers.parse(value, decimalComma);
                    if (Numbers.outOfRange(n, Numbers.MAX_COUNT) == null) {
                        extra.put(headers.get(i).strip(), n);
                    } else {
                        extra.put(headers.get(i).strip(), value); // kept as text, never as a giant number
                    }
                } catch (NumberFormatException e) {
                    extra.put(headers.get(i).strip(), value);
                }
            }
            String campaignName = text(record, Column.CAMPAIGN_NAME);
            String campaignId = text(record, Column.CAMPAIGN_ID);
            return ParsedLine.ok(new InsightRow(
                    line,
                    day,
                    campaignId != null ? campaignId : campaignName,
                    campaignName,
                    adSetId != null ? adSetId : adSetName,
                    adSetName,
                    spend == null ? BigDecimal.ZERO : spend,
                    impressionCount,
                    clickCount,
                    results,
                    revenue,
                    currency,
                    Numbers.status(text(record, Column.DELIVERY)),
                    budget,
                    extra.isEmpty() ? null : JSON.writeValueAsString(extra)));
        }

        private String text(CSVRecord record, Column column) {
            Integer i = index.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String value = record.get(i).strip();
            return value.isEmpty() ? null : value;
        }

        private LocalDate date(CSVRecord record, long line, List<ImportProblem> problems) {
            String value = text(record, Column.DAY);
            if (value == null) {
                problems.add(new ImportProblem(line, headerOf.get(Column.DAY), "is required"));
                return null;
            }
            LocalDate day = parseDate(value);
            if (day == null) {
                problems.add(new ImportProblem(
                        line,
                        headerOf.get(Column.DAY),
                        "expected a date YYYY-MM-DD (or DD/MM/YYYY), got '" + value + "'"));
                return null;
            }
            if (reportingEnds != null
                    && reportingEnds < record.size()
                    && !record.get(reportingEnds).isBlank()) {
                LocalDate end = parseDate(record.get(reportingEnds).strip());
                if (end != null && !end.equals(day)) {
                    problems.add(new ImportProblem(
                            line,
                            headers.get(reportingEnds),
                            "rows must cover one day; export with the breakdown by Day (got " + day + " to " + end
                                    + ")"));
                }
            }
            return day;
        }

        private BigDecimal number(CSVRecord record, Column column, long line, List<ImportProblem> problems) {
            String value = text(record, column);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal n = Numbers.parse(value, decimalComma);
                if (n.signum() < 0) {
                    problems.add(new ImportProblem(line, headerOf.get(column), "must be >= 0, got '" + value + "'"));
                    return null;
                }
                boolean count = column == Column.IMPRESSIONS || column == Column.CLICKS || column == Column.RESULTS;
                String tooLarge = Numbers.outOfRange(n, count ? Numbers.MAX_COUNT : Numbers.MAX_MONEY);
                if (tooLarge != null) {
                    problems.add(new ImportProblem(line, headerOf.get(column), tooLarge));
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(new ImportProblem(line, headerOf.get(column), "expected a number, got '" + value + "'"));
                return null;
            }
        }
    }

    static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, DAY_FIRST);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** For docs and tests: canonical column → accepted headers. */
    public static Map<String, List<String>> mapping() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Column c : Column.values()) {
            out.put(c.name(), c.headers);
        }
        return out;
    }
}
