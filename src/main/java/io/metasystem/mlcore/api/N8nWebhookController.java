package io.metasystem.mlcore.api;

import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.meta.ApplyService;
import io.metasystem.mlcore.meta.MetaJob;
import io.metasystem.mlcore.meta.SyncService;
import io.metasystem.mlcore.webhooks.InboundWebhookVerifier;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inbound n8n webhook, authenticated by its HMAC signature instead of the API key (see {@link ApiKeyFilter}):
 * {@code {"account_id", "action": "sync" | "optimize" | "apply", "params": {...}}}. {@code sync} answers 202 with a
 * job,
 * {@code apply} the apply result. Also lists the outbound outbox (API key).
 */
@RestController
class N8nWebhookController {
    static final String PATH = "/api/v1/webhooks/n8n";

    private final InboundWebhookVerifier verifier;
    private final SyncService sync;
    private final ApplyService apply;
    private final OutboundWebhooks outbox;
    private final AccountOptimizeFlow optimizer;
    private final MetaProperties meta;
    private final ObjectMapper json;
    private final Clock clock;

    N8nWebhookController(
            InboundWebhookVerifier verifier,
            SyncService sync,
            ApplyService apply,
            OutboundWebhooks outbox,
            AccountOptimizeFlow optimizer,
            MetaProperties meta,
            ObjectMapper json,
            Clock clock) {
        this.clock = clock;
        this.verifier = verifier;
        this.sync = sync;
        this.apply = apply;
        this.outbox = outbox;
        this.optimizer = optimizer;
        this.meta = meta;
        this.json = json;
    }

    @PostMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "n8n → ML Core: sync, optimize or apply, signed with WEBHOOK_SECRET",
            description = "Headers X-Timestamp: <unix seconds> and X-Signature: sha256=<hex HMAC-SHA256 of "
                    + "timestamp + '.' + raw body>. "
                    + "Timestamps older than 5 minutes and replayed signatures are refused (401). No API key.")
    ResponseEntity<Map<String, Object>> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = WebhookSigner.SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = WebhookSigner.TIMESTAMP_HEADER, required = false) String timestamp,
            HttpServletRequest request) {
        byte[] raw = body == null ? new byte[0] : body;
        verifier.verify(signature, timestamp, raw);
        JsonNode json;
        try {
            json = this.json.readTree(raw);
        } catch (RuntimeException e) {
            throw new InvalidInputException("$", "expected a JSON object {account_id, action, params}");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("$", "expected a JSON object {account_id, action, params}");
        }
        String action = json.path("action").asString("");
        JsonNode params = json.path("params");
        String accountRaw = json.path("account_id").asString(meta.adAccountId() == null ? "" : meta.adAccountId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action);
        switch (action) {
            case "sync" -> {
                String account = requireAccount(accountRaw);
                LocalDate[] range = Parameters.syncRange(
                        params.path("since").asString(null),
                        params.path("until").asString(null),
                        LocalDate.now(clock.withZone(ZoneOffset.UTC)));
                MetaJob job = sync.start(account, range[0], range[1]);
                out.put("job", JobBodies.of(job));
                return ResponseEntity.accepted().body(out);
            }
            case "apply" -> {
                String id = params.path("recommendation_id").asString("");
                if (id.isBlank()) {
                    throw new InvalidInputException("params.recommendation_id", "is required for action apply");
                }
                out.put("result", apply.apply(id, Parameters.requester(request, "n8n-webhook")));
                return ResponseEntity.ok(out);
            }
            case "optimize" -> {
                String account = requireAccount(accountRaw);
                out.put("result", optimizer.optimize(account, optimizer.fromParams(params)));
                return ResponseEntity.ok(out);
            }
            default ->
                throw new InvalidInputException(
                        "action", "must be one of [sync, optimize, apply], got '" + action + "'");
        }
    }

    @GetMapping(value = "/api/v1/webhooks/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Outbound webhook events, newest first, with delivery status (sent, failed, "
                    + "dry_run, not_configured)")
    List<OutboxEntry> outbox(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500, got " + limit);
        }
        return outbox.recent(limit);
    }

    private static String requireAccount(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("account_id", "is required (or set META_AD_ACCOUNT_ID)");
        }
        return Parameters.accountId(raw);
    }
}
