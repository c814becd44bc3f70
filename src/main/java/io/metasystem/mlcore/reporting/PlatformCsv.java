package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.store.CsvCells;
import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportRejectedException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the platform exports (Spotify for Artists, YouTube Studio) with the cell rules of the Ads Manager import
 * ({@link CsvCells}): separator sniffed, BOM skipped, headers matched without case or accents, decimal commas. The
 * whole file is checked before anything is written: every bad cell is an {@link ImportProblem} naming its line and
 * column, a missing required column names the column on line 1. Files are bounded by {@code MAX_IMPORT_SIZE}.
 */
final class PlatformCsv {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    enum Kind {
        DATE,
        WHOLE,
        SIGNED_WHOLE,
        DECIMAL,
        TEXT
    }

    /**
     * One column of a format.
     *
     * @param key     the stored name
     * @param kind    how cells are read (WHOLE and DECIMAL must be >= 0)
     * @param headers accepted headers, canonical first
     */
    record Field(String key, Kind kind, List<String> headers) {
        static Field of(String key, Kind kind, String... headers) {
            return new Field(key, kind, List.of(headers));
        }
    }

    /**
     * A file format.
     *
     * @param fields   its columns
     * @param required keys of the columns the file must have
     * @param skipKey  rows whose cell of this column is {@code Total} are skipped (YouTube Studio's first row)
     */
    record Format(List<Field> fields, List<String> required, String skipKey) {}

    /** One data row: line number and the present cells by key (LocalDate, Long, BigDecimal or String). */
    record Row(long line, Map<String, Object> values) {
        Long whole(String key) {
            return (Long) values.get(key);
        }

        BigDecimal decimal(String key) {
            return (BigDecimal) values.get(key);
        }

        LocalDate date(String key) {
            return (LocalDate) values.get(key);
        }

        String text(String key) {
            return (String) values.get(key);
        }
    }

    private PlatformCsv() {}

    /**
     * @param in the file, UTF-8 with or without BOM; not closed
     * @return the rows in file order
     * @throws ImportRejectedException listing every problem (nothing is imported)
     */
    static List<Row> parse(InputStream in, Format format) {
        try {
            CsvCells.Opened opened = CsvCells.open(in);
            try (CSVParser parser = opened.parser()) {
                return rows(parser, format, opened.delimiter() == ';');
            }
        } catch (CSVException e) {
            throw new ImportRejectedException(new ImportProblem(1, "header", "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> rows(CSVParser parser, Format format, boolean decimalComma) {
        List<String> headers = parser.getHeaderNames();
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> headerOf = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String norm = CsvCells.normalise(headers.get(i));
            for (Field f : format.fields()) {
                if (!index.containsKey(f.key())
                        && f.headers().stream()
                                .anyMatch(h -> CsvCells.normalise(h).equals(norm))) {
                    index.put(f.key(), i);
                    headerOf.put(f.key(), headers.get(i).replace("\uFEFF", "").strip());
                }
            }
        }
        List<ImportProblem> problems = new ArrayList<>();
        long total = 0;
        for (String key : format.required()) {
            if (!index.containsKey(key)) {
                Field f = field(format, key);
                problems.add(new ImportProblem(
                        1,
                        f.headers().get(0),
                        "missing required column '" + f.headers().get(0) + "' (accepted: "
                                + String.join(", ", f.headers()) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems, problems.size());
        }
        List<Row> out = new ArrayList<>();
        try {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (format.skipKey() != null) {
                    Integer skip = index.get(format.skipKey());
                    if (skip != null && skip < record.size() && record.get(skip).equalsIgnoreCase("total")) {
                        continue;
                    }
                }
                if (!record.isConsistent()) {
                    total++;
                    if (problems.size() < ImportRejectedException.MAX_PROBLEMS) {
                        problems.add(new ImportProblem(
                                line, "file", "has " + record.size() + " fields, the header has " + headers.size()));
                    }
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Field f : format.fields()) {
                    Integer i = index.get(f.key());
                    if (i == null) {
                        continue;
                    }
                    String cell = record.get(i).strip();
                    String column = headerOf.get(f.key());
                    if (cell.isEmpty()) {
                        if (format.required().contains(f.key())) {
                            total++;
                            if (problems.size() < ImportRejectedException.MAX_PROBLEMS) {
                                problems.add(new ImportProblem(line, column, "is required"));
                            }
                        }
                        continue;
                    }
                    String error = read(f.kind(), cell, decimalComma, values, f.key());
                    if (error != null) {
                        total++;
                        if (problems.size() < ImportRejectedException.MAX_PROBLEMS) {
                            problems.add(new ImportProblem(line, column, error));
                        }
                    }
                }
                out.add(new Row(line, values));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                total++;
                problems.add(new ImportProblem(
                        parser.getCurrentLineNumber(), "file", "malformed CSV: " + malformed.getMessage()));
            } else {
                throw e;
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems, Math.max(total, problems.size()));
        }
        return out;
    }

    private static String read(Kind kind, String cell, boolean decimalComma, Map<String, Object> values, String key) {
        switch (kind) {
            case TEXT -> values.put(key, cell);
            case DATE -> {
                LocalDate day = date(cell);
                if (day == null) {
                    return "expected a date YYYY-MM-DD (or DD/MM/YYYY, or 'Mar 1, 2026'), got '" + cell + "'";
                }
                values.put(key, day);
            }
            default -> {
                BigDecimal n;
                try {
                    n = CsvCells.number(cell, decimalComma);
                } catch (NumberFormatException e) {
                    return "expected a number, got '" + cell + "'";
                }
                if (kind != Kind.SIGNED_WHOLE && n.signum() < 0) {
                    return "must be >= 0, got '" + cell + "'";
                }
                if (kind == Kind.DECIMAL) {
                    values.put(key, n);
                } else {
                    try {
                        values.put(key, n.stripTrailingZeros().longValueExact());
                    } catch (ArithmeticException e) {
                        return "expected a whole number, got '" + cell + "'";
                    }
                }
            }
        }
        return null;
    }

    static LocalDate date(String cell) {
        LocalDate day = CsvCells.date(cell);
        if (day != null) {
            return day;
        }
        try {
            return LocalDate.parse(cell, US_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Field field(Format format, String key) {
        return format.fields().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
