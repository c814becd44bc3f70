package io.metasystem.mlcore.web;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The last page import of an account is kept in the database and replaced by the next one. */
@SpringBootTest(classes = MlCoreApplication.class)
class LastImportsTest {
    @Autowired
    LastImports lastImports;

    @Test
    void theLastImportOfAnAccountIsKeptAndReplacedByTheNextOne() {
        assertThat(lastImports.last("777000111")).isEmpty();
        ImportReport report = new ImportReport(
                "777000111", "csv", 112, 112, 0, 0, 4, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 28), "EUR");
        lastImports.save(new ImportPageController.Outcome("777000111", "export.csv", report, List.of(), 0));
        assertThat(lastImports.last("777000111").orElseThrow().outcome().report())
                .isEqualTo(report);

        ImportPageController.Outcome refused = new ImportPageController.Outcome(
                "777000111", "broken.csv", null, List.of(new ImportProblem(4, "Amount spent", "not a number")), 1);
        lastImports.save(refused);
        assertThat(lastImports.last("777000111").orElseThrow().outcome()).isEqualTo(refused);
        assertThat(lastImports.last("777000222")).isEmpty();

        lastImports.save(new ImportPageController.Outcome("not valid!", "x.csv", null, List.of(), 0));
        assertThat(lastImports.last("not valid!")).isEmpty();
    }
}
