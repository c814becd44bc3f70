package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.Account;
import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.ImportReport;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.MetaInsightsJson;
import io.metasystem.mlcore.store.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Campaign history: import Meta insights (JSON or Ads Manager CSV) and read accounts, ad sets and days back. */
@RestController
@Tag(name = "store")
class AccountController {
    private final InsightImporter importer;
    private final InsightStore store;
    private final Clock clock;

    AccountController(InsightImporter importer, InsightStore store, Clock clock) {
        this.clock = clock;
        this.importer = importer;
        this.store = store;
    }

    @GetMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List ad accounts", description = "Paged (page from 0, size 1-500, default 100).")
    Page<Account> accounts(
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "100") String size) {
        Paging paging = Paging.of(page, size);
        return store.accounts(paging.page(), paging.size());
    }

    @GetMapping(value = "/api/v1/accounts/{account_id}/adsets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the ad sets of an account", description = "404 when the account is unknown.")
    Page<AdSet> adSets(
            @PathVariable("account_id") String accountId,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "100") String size) {
        Paging paging = Paging.of(page, size);
        return store.adSets(Parameters.accountId(accountId), paging.page(), paging.size());
    }

    @GetMapping(value = "/api/v1/accounts/{account_id}/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Daily insights of an account in a date range",
            description = "from/to inclusive (YYYY-MM-DD); default: the 28 days ending on the latest stored day. "
                    + "Optional adset_id. Paged.")
    Page<DailyInsight> insights(
            @PathVariable("account_id") String accountId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "adset_id", required = false) String adsetId,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "100") String size) {
        String id = Parameters.accountId(accountId);
        Paging paging = Paging.of(page, size);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.requireAccount(id);
        if (toDate == null) {
            LocalDate last = store.lastDate(id);
            toDate = last == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : last;
        }
        if (fromDate == null) {
            fromDate = toDate.minusDays(27);
        }
        if (fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "must not be after to (" + fromDate + " > " + toDate + ")");
        }
        return store.insights(id, fromDate, toDate, adsetId, paging.page(), paging.size());
    }

    @PostMapping(
            value = "/api/v1/accounts/{account_id}/insights",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a Meta Marketing API insights response (JSON)",
            description =
                    "Body: {data:[{adset_id, adset_name, campaign_id, campaign_name, date_start, date_stop, spend, "
                            + "impressions, clicks, actions, action_values}]}. action_type picks the conversion action "
                            + "(default offsite_conversion.fb_pixel_purchase). Idempotent; one "
                            + "transaction; up to MAX_IMPORT_SIZE.")
    ImportReport importJson(
            @PathVariable("account_id") String accountId,
            @RequestParam(name = "action_type", defaultValue = MetaInsightsJson.DEFAULT_ACTION_TYPE) String actionType,
            @RequestParam(required = false) String currency,
            HttpServletRequest request)
            throws IOException {
        String id = Parameters.accountId(accountId);
        if (actionType.isBlank()) {
            throw new InvalidInputException("action_type", "must not be blank");
        }
        String code = currency(currency);
        String action = actionType.strip();
        return UploadedBody.read(
                request, body -> importer.importRows(id, "json", MetaInsightsJson.parse(body, action, code)));
    }

    @RawCsvPost("/api/v1/accounts/{account_id}/insights.csv")
    @Operation(
            summary = "Import an Ads Manager CSV export (raw body)",
            description = "English or Spanish headers, ',' or ';' separators, decimal commas, BOM. See docs/store.md. "
                    + "Idempotent; one transaction; up to MAX_IMPORT_SIZE.")
    ImportReport importCsv(@PathVariable("account_id") String accountId, HttpServletRequest request)
            throws IOException {
        String id = Parameters.accountId(accountId);
        return UploadedBody.read(request, body -> importer.importRows(id, "csv", AdsManagerCsv.parse(body)));
    }

    @MultipartCsvPost("/api/v1/accounts/{account_id}/insights.csv")
    @Operation(summary = "Import an Ads Manager CSV export (multipart upload, part 'file')")
    ImportReport importCsvUpload(@PathVariable("account_id") String accountId, @RequestPart("file") MultipartFile file)
            throws IOException {
        String id = Parameters.accountId(accountId);
        return UploadedBody.read(file, body -> importer.importRows(id, "csv", AdsManagerCsv.parse(body)));
    }

    private static String currency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[A-Za-z]{3}")) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code such as EUR, got '" + value + "'");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
