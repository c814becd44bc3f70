package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.meta.ApplyResult;
import io.metasystem.mlcore.meta.ApplyService;
import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.meta.AuditPage;
import io.metasystem.mlcore.meta.MetaJob;
import io.metasystem.mlcore.meta.MetaJobs;
import io.metasystem.mlcore.meta.SyncService;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.StoredJson;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Meta connector routes: sync from the Graph API, apply a recommendation, the audit, and job status. */
@RestController
class MetaController {
    private final SyncService sync;
    private final ApplyService apply;
    private final AuditLog audit;
    private final MetaJobs jobs;

    MetaController(SyncService sync, ApplyService apply, AuditLog audit, MetaJobs jobs) {
        this.sync = sync;
        this.apply = apply;
        this.audit = audit;
        this.jobs = jobs;
    }

    @PostMapping(value = "/api/v1/accounts/{account_id}/sync", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Pull ad sets and daily ad-set insights from the Meta Marketing API into the store",
            description = "Runs as a job (202 with its id and status URL). Idempotent: syncing a range "
                    + "twice changes nothing. " + "Defaults: the last 7 full days (UTC).")
    ResponseEntity<Map<String, Object>> sync(
            @PathVariable("account_id") String accountId,
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "until", required = false) String until) {
        LocalDate[] range = range(since, until);
        MetaJob job = sync.start(accountId(accountId), range[0], range[1]);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(jobBody(job));
    }

    @GetMapping(value = "/api/v1/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status and progress of a connector job (sync)")
    Map<String, Object> job(@PathVariable("id") String id) {
        return jobBody(jobs.find(id)
                .orElseThrow(() -> new NotFoundException("job", id, "id", "No job with id '" + id + "'.")));
    }

    @PostMapping(value = "/api/v1/recommendations/{id}/apply", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Apply a stored recommendation's budgets to Meta, within the guardrails",
            description =
                    "Idempotent per (recommendation, ad set): applying twice changes nothing the second time; after a "
                            + "partial failure a second apply resumes only the failed ad sets. "
                            + "DUMMY_MODE=true records dry runs. "
                            + "422 names the guardrail that refused it.")
    ApplyResult apply(@PathVariable("id") String id, HttpServletRequest request) {
        return apply.apply(id, requester(request, "api"));
    }

    @GetMapping(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Audit of every change asked of Meta (and dry runs), newest first")
    AuditPage audit(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "recommendation_id", required = false) String recommendationId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldProblem("page", "must be >= 0, got " + page));
        }
        if (size < 1 || size > 500) {
            errors.add(new FieldProblem("size", "must be between 1 and 500, got " + size));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return audit.list(blankToNull(accountId), blankToNull(recommendationId), page, size);
    }

    static Map<String, Object> jobBody(MetaJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id());
        body.put("kind", job.kind());
        body.put("account_id", job.accountId());
        body.put("status", job.status());
        body.put("progress", job.progress());
        if (job.result() != null) {
            body.put("result", StoredJson.MAPPER.readTree(job.result()));
        }
        body.put("error", job.error());
        body.put("created_at", job.createdAt().toString());
        body.put("updated_at", job.updatedAt().toString());
        body.put("status_url", "/api/v1/jobs/" + job.id());
        return body;
    }

    static LocalDate[] range(String since, String until) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate to = DateParameters.parse("until", until, yesterday, errors);
        LocalDate from = DateParameters.parse("since", since, to.minusDays(6), errors);
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(new FieldProblem("until", "must not be before since (" + from + "), got " + to));
        }
        if (errors.isEmpty() && from.plusDays(1125).isBefore(to)) {
            errors.add(new FieldProblem("since", "range is longer than 1125 days (Meta keeps 37 months)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LocalDate[] {from, to};
    }

    static String accountId(String raw) {
        String id = AccountIds.canonical(raw);
        if (!id.matches("[0-9A-Za-z_-]{1,64}")) {
            throw new InvalidInputException(
                    "account_id", "expected an ad account id such as 1234567890 or act_1234567890");
        }
        return id;
    }

    static String requester(HttpServletRequest request, String who) {
        String by = request.getHeader("X-Requested-By");
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        String name = by == null || by.isBlank() ? who : who + ":" + by.strip().replaceAll("[^\\w .@:-]", "_");
        return name + (id == null ? "" : " (request " + id + ")");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
