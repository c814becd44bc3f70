package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.store.StoredJson;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Rate-limit usage reported by Meta on every response: {@code X-Business-Use-Case-Usage}
 * ({@code {"<business id>": [{"type", "call_count", "total_cputime", "total_time",
 * "estimated_time_to_regain_access"}]}}, percentages and minutes), {@code X-Ad-Account-Usage}
 * ({@code {"acc_id_util_pct", "reset_time_duration"}}, seconds) and {@code X-App-Usage}.
 *
 * @param maxPercent   highest utilisation percentage in any header, 0 when none
 * @param regainAccess longest estimated_time_to_regain_access / reset_time_duration, zero when none
 */
record GraphUsage(double maxPercent, Duration regainAccess) {
    static final GraphUsage NONE = new GraphUsage(0, Duration.ZERO);
    private static final JsonMapper JSON = StoredJson.MAPPER;

    static GraphUsage from(HttpHeaders headers) {
        double percent = 0;
        Duration regain = Duration.ZERO;
        JsonNode business = parse(headers.getFirst("X-Business-Use-Case-Usage"));
        if (business != null && business.isObject()) {
            for (JsonNode entries : business.values()) {
                for (JsonNode e : entries) {
                    percent = max(percent, e, "call_count", "total_cputime", "total_time");
                    long minutes = e.path("estimated_time_to_regain_access").asLong(0);
                    regain = max(regain, Duration.ofMinutes(minutes));
                }
            }
        }
        JsonNode account = parse(headers.getFirst("X-Ad-Account-Usage"));
        if (account != null && account.isObject()) {
            percent = max(percent, account, "acc_id_util_pct");
            regain = max(
                    regain,
                    Duration.ofSeconds(account.path("reset_time_duration").asLong(0)));
        }
        JsonNode app = parse(headers.getFirst("X-App-Usage"));
        if (app != null && app.isObject()) {
            percent = max(percent, app, "call_count", "total_cputime", "total_time");
        }
        return new GraphUsage(percent, regain);
    }

    private static double max(double current, JsonNode node, String... fields) {
        for (String f : fields) {
            current = Math.max(current, node.path(f).asDouble(0));
        }
        return current;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static JsonNode parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(header);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
