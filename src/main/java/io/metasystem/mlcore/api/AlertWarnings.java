package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.AlertService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds a warning to an optimize answer for every ad set in it with a firing (or acknowledged) delivery-stop or
 * level-shift alert: its past days may not describe tomorrow. Never fails the optimize (a problem is logged).
 */
@Component
class AlertWarnings {
    private static final Logger log = LoggerFactory.getLogger(AlertWarnings.class);

    private final AlertService alerts;

    AlertWarnings(AlertService alerts) {
        this.alerts = alerts;
    }

    /** Appends the warnings to {@code answer.warnings} (created when absent). */
    void addTo(ObjectNode answer) {
        try {
            List<String> ids = new ArrayList<>();
            answer.path("adsets").forEach(a -> ids.add(a.path("id").asString()));
            List<Alert> watched = alerts.watched(ids);
            if (watched.isEmpty()) {
                return;
            }
            JsonNode existing = answer.get("warnings");
            ArrayNode warnings = existing instanceof ArrayNode array ? array : answer.putArray("warnings");
            for (Alert a : watched) {
                warnings.add(sentence(a));
            }
        } catch (RuntimeException e) {
            log.warn("Alert warnings could not be added to an optimize answer: {}", e.getMessage());
        }
    }

    static String sentence(Alert a) {
        String since = a.anomalyDate() == null ? "" : " since " + a.anomalyDate();
        if (a.kind().equals("delivery_stop")) {
            return a.adsetId() + ": delivery stopped" + since + " (alert " + a.id() + ", "
                    + a.state().wireName() + "): budget given to it may not be spent";
        }
        return a.adsetId() + ": " + a.metric() + " level shift" + (a.direction() == null ? "" : " " + a.direction())
                + since + " (alert " + a.id() + ", " + a.state().wireName()
                + "): its past days may not describe tomorrow";
    }
}
