package io.metasystem.mlcore.store;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdsManagerCsvTest {

    private static List<ParsedLine> parse(String csv) {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ParsedLine> parse(byte[] bytes) {
        Iterator<ParsedLine> it = AdsManagerCsv.parse(new ByteArrayInputStream(bytes));
        List<ParsedLine> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndNewlines() {
        List<ParsedLine> lines = parse(
                "Ad set name,Day,Amount spent (USD)\n" + "\"Fans, \"\"core\"\"\nline two\",2026-10-01,\"1,234.50\"\n");
        InsightRow row = lines.get(0).row();
        assertThat(row.adSetName()).isEqualTo("Fans, \"core\"\nline two");
        assertThat(row.adSetId()).isEqualTo(row.adSetName());
        assertThat(row.spend()).isEqualByComparingTo("1234.5");
        assertThat(row.currency()).isEqualTo("USD");
    }

    @Test
    void skipsTheUtf8BomAndSniffsSemicolonsWithDecimalCommas() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String csv =
                "Nombre del conjunto de anuncios;Día;Importe gastado (EUR);Impresiones;Clics en el enlace;Resultados;"
                        + "Valor de conversión de compras\nFans;2026-10-02;1.234,56;12.345;80;3;45,5\n";
        byte[] body = new byte[bom.length + csv.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(csv.getBytes(StandardCharsets.UTF_8), 0, body, 3, body.length - 3);
        InsightRow row = parse(body).get(0).row();
        assertThat(row.adSetName()).isEqualTo("Fans");
        assertThat(row.date()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(row.spend()).isEqualByComparingTo("1234.56");
        assertThat(row.impressions()).isEqualTo(12345L);
        assertThat(row.clicks()).isEqualTo(80L);
        assertThat(row.conversions()).isEqualByComparingTo("3");
        assertThat(row.revenue()).isEqualByComparingTo("45.5");
        assertThat(row.currency()).isEqualTo("EUR");
    }

    @Test
    void headersMatchWithoutCaseOrAccents() {
        InsightRow row = parse("AD SET ID,ad set name,DIA,importe gastado (mxn)\n7,Fans,01/10/2026,10\n")
                .get(0)
                .row();
        assertThat(row.adSetId()).isEqualTo("7");
        assertThat(row.date()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(row.currency()).isEqualTo("MXN");
    }

    @Test
    void missingRequiredColumnsAreAllNamed() {
        ImportRejectedException e =
                catchThrowableOfType(ImportRejectedException.class, () -> parse("Impressions,Link clicks\n1,2\n"));
        assertThat(e.problems()).extracting(ImportProblem::column).containsExactly("Day", "Amount spent", "Ad set ID");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void badValuesNameLineAndColumn() {
        List<ParsedLine> lines = parse("Ad set name,Day,Amount spent (EUR),Impressions\nA,2026-10-01,abc,1.5\n");
        assertThat(lines.get(0).problems())
                .extracting(ImportProblem::line, ImportProblem::column)
                .containsExactly(Tuple.tuple(2L, "Amount spent (EUR)"), Tuple.tuple(2L, "Impressions"));
    }

    @Test
    void unmappedColumnsBecomeExtraMetricsAndSummaryRowsAreSkipped() {
        List<ParsedLine> lines = parse("Ad set name,Day,Amount spent (EUR),Reach,Result indicator\n"
                + "A,2026-10-01,1,300,actions:lead\n,,5,900,\n");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).row().extraJson()).contains("\"Reach\":300").contains("actions:lead");
    }

    @Test
    void rowsSpanningSeveralDaysAreRejected() {
        List<ParsedLine> lines = parse(
                "Ad set name,Reporting starts,Reporting ends,Amount spent (EUR)\n" + "A,2026-10-01,2026-10-07,70\n");
        assertThat(lines.get(0).problems().get(0).message()).contains("one day");
    }

    @Test
    void numbersInEveryLocaleFormat() {
        assertThat(Numbers.parse("1,234.56", false)).isEqualByComparingTo("1234.56");
        assertThat(Numbers.parse("1.234,56", true)).isEqualByComparingTo("1234.56");
        assertThat(Numbers.parse("12,5", false)).isEqualByComparingTo("12.5");
        assertThat(Numbers.parse("12,5", true)).isEqualByComparingTo("12.5");
        assertThat(Numbers.parse("1,234", false)).isEqualByComparingTo("1234");
        assertThat(Numbers.parse("1.234", true)).isEqualByComparingTo("1234");
        assertThat(Numbers.parse("1.234", false)).isEqualByComparingTo(new BigDecimal("1.234"));
        assertThat(Numbers.parse("€ 1 234,5", true)).isEqualByComparingTo("1234.5");
    }

    @Test
    void deliveryTextMapsToStatus() {
        assertThat(Numbers.status("Active")).isEqualTo("ACTIVE");
        assertThat(Numbers.status("inactive")).isEqualTo("PAUSED");
        assertThat(Numbers.status("Campaign off")).isEqualTo("PAUSED");
        assertThat(Numbers.status("Archivado")).isEqualTo("ARCHIVED");
        assertThat(Numbers.status("Eliminado")).isEqualTo("DELETED");
        assertThat(Numbers.status("Learning")).isNull();
    }
}
