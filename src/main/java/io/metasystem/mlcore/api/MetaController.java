package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.meta.ApplyResult;
import io.metasystem.mlcore.meta.ApplyService;
import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.meta.AuditPage;
import io.metasystem.mlcore.meta.MetaJob;
import io.metasystem.mlcore.meta.MetaJobs;
import io.metasystem.mlcore.meta.SyncService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Meta connector routes: sync from the Graph API, apply a recommendation, the audit, and job status. */
@RestController
class MetaController {
    private final SyncService sync;
    private final ApplyService apply;
    private final AuditLog audit;
    private final MetaJobs jobs;
    private final Clock clock;

    MetaController(SyncService sync, ApplyService apply, AuditLog audit, MetaJobs jobs, Clock clock) {
        this.clock = clock;
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
        LocalDate[] range = Parameters.syncRange(since, until, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        MetaJob job = sync.start(Parameters.accountId(accountId), range[0], range[1]);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(JobBodies.of(job));
    }

    @GetMapping(value = "/api/v1/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status and progress of a connector job (sync)")
    Map<String, Object> job(@PathVariable("id") String id) {
        return JobBodies.of(jobs.find(id)
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
        return apply.apply(id, Parameters.requester(request, "api"));
    }

    @GetMapping(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Audit of every change asked of Meta (and dry runs), newest first")
    AuditPage audit(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "recommendation_id", required = false) String recommendationId,
            @RequestParam(name = "page", defaultValue = "0") String page,
            @RequestParam(name = "size", defaultValue = "50") String size) {
        Paging paging = Paging.of(page, size);
        return audit.list(blankToNull(accountId), blankToNull(recommendationId), paging.page(), paging.size());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
