package io.metasystem.mlcore.alerts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payloads of {@code alert.firing} and {@code alert.resolved} events, shaped like Alertmanager's webhook v4
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config) so receivers written for it work:
 * {@code version}, {@code groupKey}, {@code status}, {@code receiver}, {@code groupLabels}, {@code commonLabels},
 * {@code commonAnnotations}, {@code externalURL}, {@code truncatedAlerts} and {@code alerts[]} with {@code status},
 * {@code labels}, {@code annotations}, {@code startsAt}, {@code endsAt} (Alertmanager's zero time while firing),
 * {@code generatorURL} and {@code fingerprint}. Keys are Alertmanager's camelCase, not the API's snake_case.
 * One payload per account and scan: the group is the account.
 */
final class AlertNotifications {
    static final String FIRING = "alert.firing";
    static final String RESOLVED = "alert.resolved";
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";
    static final int MAX_ALERTS = 200;

    private AlertNotifications() {}

    static Map<String, Object> payload(String accountId, String status, List<Alert> alerts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Alert a : alerts.subList(0, Math.min(MAX_ALERTS, alerts.size()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status);
            item.put("labels", labels(a));
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put("summary", summary(a));
            annotations.put("description", a.reason() == null ? "" : a.reason());
            if (a.observed() != null) {
                annotations.put("observed", String.valueOf(a.observed()));
                annotations.put("expected", String.valueOf(a.expected()));
                annotations.put("interval", "[" + a.intervalLo() + ", " + a.intervalHi() + "]");
                annotations.put("score", String.valueOf(a.score()));
            }
            annotations.put("alert_id", a.id());
            item.put("annotations", annotations);
            item.put("startsAt", time(a.firedAt() != null ? a.firedAt() : a.startedAt()));
            item.put("endsAt", a.resolvedAt() == null ? ZERO_TIME : time(a.resolvedAt()));
            item.put("generatorURL", "/api/v1/alerts/" + a.id());
            item.put("fingerprint", a.fingerprint());
            items.add(item);
        }
        Map<String, Object> group = Map.of("account_id", accountId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", "4");
        payload.put("groupKey", "{}:{account_id=\"" + accountId + "\"}");
        payload.put("truncatedAlerts", Math.max(0, alerts.size() - MAX_ALERTS));
        payload.put("status", status);
        payload.put("receiver", "ml-core");
        payload.put("groupLabels", group);
        payload.put("commonLabels", group);
        payload.put("commonAnnotations", Map.of());
        payload.put("externalURL", "");
        payload.put("alerts", items);
        return payload;
    }

    static Map<String, String> labels(Alert a) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", a.metric() + "_" + a.kind());
        labels.put("account_id", a.accountId());
        labels.put("adset_id", a.adsetId());
        labels.put("metric", a.metric());
        labels.put("kind", a.kind());
        if (a.direction() != null) {
            labels.put("direction", a.direction());
        }
        labels.put("severity", severity(a));
        return labels;
    }

    /** critical: delivery stopped or the Meta token was rejected; warning: every other alert. */
    static String severity(Alert a) {
        return a.kind().equals("delivery_stop") || a.kind().equals(AlertService.TOKEN_KIND) ? "critical" : "warning";
    }

    private static String summary(Alert a) {
        String where =
                a.adsetId().equals(AlertService.ACCOUNT_LEVEL) ? "account " + a.accountId() : "ad set " + a.adsetId();
        return a.metric() + " " + a.kind().replace('_', ' ') + (a.direction() == null ? "" : " " + a.direction())
                + " on " + where + (a.anomalyDate() == null ? "" : " since " + a.anomalyDate());
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
