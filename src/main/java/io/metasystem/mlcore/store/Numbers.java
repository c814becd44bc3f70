package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Number and status parsing shared by the import formats. */
final class Numbers {
    /** Largest amount of money per day an import accepts (spend, revenue, daily budget): 1e9 (docs/api.md, limits). */
    static final BigDecimal MAX_MONEY = new BigDecimal("1e9");
    /** Largest count an import accepts (impressions, clicks, conversions, other metrics): 1e12. */
    static final BigDecimal MAX_COUNT = new BigDecimal("1e12");

    private Numbers() {}

    /**
     * A parsed number as a count.
     *
     * @param n        the parsed number, nullable (then the answer is null)
     * @param line     where it came from, for the problem
     * @param field    the column or JSON path, for the problem
     * @param problems where a fraction is reported
     * @return {@code n} as a whole number, or null when it is null or has a fraction (then a problem was added)
     */
    static Long whole(BigDecimal n, long line, String field, List<ImportProblem> problems) {
        if (n == null) {
            return null;
        }
        try {
            return n.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new ImportProblem(line, field, "expected a whole number, got " + n.toPlainString()));
            return null;
        }
    }

    /**
     * @return null when {@code |n| <= max}, else the message for the import problem; cheap also for numbers such as
     *     {@code 1e999999999} (compares without expanding them)
     */
    static String outOfRange(BigDecimal n, BigDecimal max) {
        if (n.abs().compareTo(max) <= 0) {
            return null;
        }
        return "must be at most " + max.toString().replace("E+", "e") + " (docs/api.md, limits), got "
                + (n.precision() > 30 ? n.round(new MathContext(6)) : n);
    }

    /**
     * Parses {@code 1234.5}, {@code 1,234.5}, {@code 1.234,5}, {@code 12,5} and {@code 1 234,5}. With only commas,
     * a decimal comma is assumed when {@code decimalComma} (a {@code ;}-separated file) or when the commas do not
     * group thousands; currency symbols and spaces are ignored.
     *
     * @throws NumberFormatException when the text is not a number
     */
    static BigDecimal parse(String text, boolean decimalComma) {
        String s = text.strip()
                .replace("\u00A0", "")
                .replace(" ", "")
                .replace("€", "")
                .replace("$", "")
                .replace("%", "");
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0) {
            if (lastComma > lastDot) {
                s = s.replace(".", "").replace(',', '.');
            } else {
                s = s.replace(",", "");
            }
        } else if (lastComma >= 0) {
            boolean thousands = s.matches("-?\\d{1,3}(,\\d{3})+");
            s = decimalComma || !thousands
                    ? (s.indexOf(',') == lastComma ? s.replace(',', '.') : s.replace(",", ""))
                    : s.replace(",", "");
        } else if (lastDot >= 0 && s.indexOf('.') != lastDot) {
            s = s.replace(".", "");
        } else if (lastDot >= 0 && decimalComma && s.matches("-?\\d{1,3}\\.\\d{3}")) {
            s = s.replace(".", "");
        }
        return new BigDecimal(s);
    }

    /** Maps a delivery / effective status text (English or Spanish) to ACTIVE, PAUSED, ARCHIVED, DELETED or null. */
    static String status(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
        if (s.equals("active") || s.equals("activo") || s.equals("activa")) {
            return "ACTIVE";
        }
        if (s.contains("archiv")) {
            return "ARCHIVED";
        }
        if (s.contains("delet") || s.contains("elimin")) {
            return "DELETED";
        }
        if (s.contains("paus")
                || s.contains("inactiv")
                || s.contains("off")
                || s.contains("desactiv")
                || s.contains("not delivering")
                || s.contains("no se esta publicando")) {
            return "PAUSED";
        }
        return null;
    }
}
