package io.metasystem.mlcore.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, money, percentages and dates written for one locale, as the templates show them ({@code ${fmt.money(…)}}).
 * Every method accepts null and then answers {@link #MISSING}. Not thread-safe: one instance per request.
 */
public final class Formats {
    /** What a missing value shows. */
    public static final String MISSING = "–";

    private static final String SPANISH_LANGUAGE = "es";

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter dateTime;

    Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.shortDate = DateTimeFormatter.ofPattern(
                        SPANISH_LANGUAGE.equals(locale.getLanguage()) ? "d MMM" : "MMM d", locale)
                .withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
    }

    /** The locale's language tag, for {@code <html lang>} and the charts. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /**
     * Money with its currency symbol, two decimals ({@code €1,234.50}, {@code 1234,50 €}).
     *
     * @param currency ISO 4217 code, nullable or unknown: the number with two decimals and no symbol
     */
    public String money(Number value, String currency) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format;
        Currency known = currency(currency);
        if (known == null) {
            format = NumberFormat.getNumberInstance(locale);
        } else {
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(known);
        }
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** Money with a sign in front (+€12.00, −€20.13, ±€0.00), for changes of a budget. */
    public String signedMoney(Number value, String currency) {
        if (value == null) {
            return MISSING;
        }
        double v = Math.round(value.doubleValue() * 100) / 100.0;
        return (v > 0 ? "+" : v < 0 ? "−" : "±") + money(Math.abs(v), currency);
    }

    /** A number with exactly {@code digits} decimals, grouped per locale. */
    public String number(Number value, int digits) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A count: no decimals unless the value has them (conversions may be fractional), at most two. */
    public String count(Number value) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A ratio (0.0123) as a percentage with {@code digits} decimals (1.23 %). */
    public String percent(Number ratio, int digits) {
        if (ratio == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(ratio.doubleValue());
    }

    /** A relative change (0.123) as a signed percentage with one decimal (+12.3 %). */
    public String change(Number ratio) {
        if (ratio == null) {
            return MISSING;
        }
        String body = percent(Math.abs(ratio.doubleValue()), 1);
        double rounded = Math.round(ratio.doubleValue() * 1000) / 1000.0;
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + body;
    }

    /** A multiple (return on ad spend) with two decimals and a times sign (2.35×). */
    public String multiple(Number value) {
        return value == null ? MISSING : number(value, 2) + "×";
    }

    /**
     * A KPI figure as its tile writes it: money with the currency, a count, a multiple or a percentage.
     *
     * @param currency ISO 4217 code of money figures, nullable
     */
    public String kpi(Kpi.Kind kind, Number value, String currency) {
        if (value == null) {
            return MISSING;
        }
        return switch (kind) {
            case MONEY -> money(value, currency);
            case COUNT -> count(value);
            case MULTIPLE -> multiple(value);
            case PERCENT -> percent(value, 2);
        };
    }

    /** A day in the locale's medium style (Oct 28, 2026; 28 oct 2026). */
    public String date(LocalDate value) {
        return value == null ? MISSING : date.format(value);
    }

    /** A day without its year, for ranges inside one year (Oct 28; 28 oct). */
    public String shortDate(LocalDate value) {
        return value == null ? MISSING : shortDate.format(value);
    }

    /** An instant in UTC, medium date and short time, followed by "UTC". */
    public String dateTime(OffsetDateTime value) {
        return value == null
                ? MISSING
                : dateTime.format(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
