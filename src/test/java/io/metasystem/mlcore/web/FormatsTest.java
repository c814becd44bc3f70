package io.metasystem.mlcore.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    private static final Formats EN = new Formats(PageLocale.ENGLISH);
    private static final Formats ES = new Formats(PageLocale.SPANISH);

    /** No-break spaces (which locales put around symbols) as plain spaces, to compare. */
    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void moneyUsesTheLocalesSeparatorsAndSymbolPlacement() {
        assertThat(EN.money(1234.5, "EUR")).isEqualTo("€1,234.50");
        assertThat(plain(ES.money(1234.5, "EUR"))).isEqualTo("1.234,50 €");
        assertThat(EN.money(3.2, null)).isEqualTo("3.20");
        assertThat(EN.money(3.2, "not-a-currency")).isEqualTo("3.20");
        assertThat(EN.money(null, "EUR")).isEqualTo(Formats.MISSING);
    }

    @Test
    void percentagesChangesAndMultiples() {
        assertThat(EN.percent(0.01234, 2)).isEqualTo("1.23%");
        assertThat(plain(ES.percent(0.01234, 2))).isEqualTo("1,23 %");
        assertThat(EN.change(0.123)).isEqualTo("+12.3%");
        assertThat(EN.change(-0.05)).isEqualTo("−5.0%");
        assertThat(EN.change(0.0001)).isEqualTo("±0.0%");
        assertThat(ES.multiple(1.5)).isEqualTo("1,50×");
        assertThat(EN.signedMoney(-20.134, "EUR")).isEqualTo("−€20.13");
        assertThat(EN.signedMoney(12, "EUR")).isEqualTo("+€12.00");
    }

    @Test
    void datesInEachLanguage() {
        LocalDate day = LocalDate.parse("2026-10-28");
        assertThat(EN.date(day)).isEqualTo("Oct 28, 2026");
        assertThat(ES.date(day)).isEqualTo("28 oct 2026");
        assertThat(EN.dateTime(OffsetDateTime.parse("2026-12-02T07:08:00+01:00")))
                .endsWith(" UTC")
                .contains("6:08");
        assertThat(EN.date(null)).isEqualTo(Formats.MISSING);
    }

    @Test
    void acceptLanguagePicksTheClosestSupportedLanguage() {
        assertThat(PageLocale.bestMatch("es-MX,es;q=0.9,en;q=0.8")).isEqualTo(PageLocale.SPANISH);
        assertThat(PageLocale.bestMatch("fr-FR,fr;q=0.9")).isEqualTo(PageLocale.ENGLISH);
        assertThat(PageLocale.bestMatch("de, es;q=0.5")).isEqualTo(PageLocale.SPANISH);
        assertThat(PageLocale.bestMatch(null)).isEqualTo(PageLocale.ENGLISH);
        assertThat(PageLocale.bestMatch(";;;")).isEqualTo(PageLocale.ENGLISH);
    }
}
