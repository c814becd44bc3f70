package io.metasystem.mlcore.web;

import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportRejectedException;
import io.metasystem.mlcore.store.ImportReport;
import io.metasystem.mlcore.store.InsightImporter;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Importing an Ads Manager CSV export from the overview or an account page: {@code POST /dashboard/imports}
 * (multipart: {@code account_id}, {@code file}; CSRF-protected, full-access keys only) runs the store's
 * {@link InsightImporter} (the same as {@code POST /api/v1/accounts/{account_id}/insights.csv}: idempotent, one
 * transaction, up to MAX_IMPORT_SIZE) and redirects to {@code GET /dashboard/imports/{n}}, the import report (rows
 * inserted, updated and unchanged; or the problems with line and column). The page's script shows the upload's
 * progress and then that the import runs. The last {@value #KEPT} reports are kept in the session only.
 */
@Controller
class ImportPageController {
    static final String IMPORTS = Routes.DASHBOARD + "/imports";
    static final int KEPT = 10;
    /** The last page import of an account, from the database. */
    static final String LAST_IMPORT = Routes.DASHBOARD + "/accounts/{account_id}/import";

    private static final String SESSION_KEY = ImportPageController.class.getName() + ".reports";

    private final InsightImporter importer;
    private final AtomicLong sequence = new AtomicLong();

    private final LastImports lastImports;

    ImportPageController(InsightImporter importer, LastImports lastImports) {
        this.lastImports = lastImports;
        this.importer = importer;
    }

    /**
     * What one upload did: a report, or problems (nothing was written).
     *
     * @param report        null when the file was refused
     * @param problems      the first problems in file order (line 0: the file as a whole), empty when imported
     * @param totalProblems how many problems the file has in all
     */
    record Outcome(
            String accountId, String fileName, ImportReport report, List<ImportProblem> problems, long totalProblems) {
        Outcome {
            problems = List.copyOf(problems);
        }
    }

    @PostMapping(IMPORTS)
    String upload(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpSession session) {
        String account = Routes.parameter(accountId);
        String name = file == null ? null : file.getOriginalFilename();
        Outcome outcome;
        if (!AccountIds.isValid(account)) {
            outcome = refused(
                    account, name, new ImportProblem(0, "account_id", "must be 1-64 letters, digits, '_', '.' or '-'"));
        } else if (file == null || file.isEmpty()) {
            outcome = refused(AccountIds.canonical(account), name, new ImportProblem(0, "file", "choose a CSV file"));
        } else {
            outcome = importFile(AccountIds.canonical(account), name, file);
        }
        String id = Long.toString(sequence.incrementAndGet());
        reports(session).put(id, outcome);
        lastImports.save(outcome);
        return "redirect:" + IMPORTS + "/" + id;
    }

    @GetMapping(IMPORTS + "/{id}")
    String report(@PathVariable("id") String id, HttpSession session, Model model) {
        Outcome outcome = reports(session).get(id);
        if (outcome == null) {
            throw new PageNotFoundException("notfound.import", id);
        }
        model.addAttribute("outcome", outcome);
        return "import";
    }

    /** The account's last page import, kept in the database: shown again in any session, after a restart too. */
    @GetMapping(LAST_IMPORT)
    String lastImport(@PathVariable("account_id") String accountId, Model model) {
        LastImports.Stored stored = lastImports
                .last(AccountIds.canonical(accountId))
                .orElseThrow(() -> new PageNotFoundException("notfound.lastImport", accountId));
        model.addAttribute("outcome", stored.outcome());
        model.addAttribute("importedAt", stored.importedAt());
        return "import";
    }

    private Outcome importFile(String account, String name, MultipartFile file) {
        try (InputStream body = file.getInputStream()) {
            ImportReport report = importer.importRows(account, "csv", AdsManagerCsv.parse(body));
            return new Outcome(account, name, report, List.of(), 0);
        } catch (ImportRejectedException e) {
            return new Outcome(account, name, null, e.problems(), e.totalProblems());
        } catch (ProblemException e) {
            return refused(account, name, new ImportProblem(0, null, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome refused(String account, String name, ImportProblem problem) {
        return new Outcome(account, name, null, List.of(problem), 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Outcome> reports(HttpSession session) {
        synchronized (session) {
            Object kept = session.getAttribute(SESSION_KEY);
            if (kept instanceof Map<?, ?> map) {
                return (Map<String, Outcome>) map;
            }
            Map<String, Outcome> fresh = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
                    return size() > KEPT;
                }
            });
            session.setAttribute(SESSION_KEY, fresh);
            return fresh;
        }
    }
}
