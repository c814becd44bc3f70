package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AccountIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The report of the last page import of each account (table {@code dashboard_last_import}, V85), kept so that it is
 * shown again after a reload, in a new session or after a restart; each page import of an account replaces it.
 */
@Component
class LastImports {
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    LastImports(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A stored report with the time of its import (public for the templates). */
    public record Stored(ImportPageController.Outcome outcome, OffsetDateTime importedAt) {}

    /** Keeps {@code outcome} as the account's last import (an outcome without a valid account id is not kept). */
    void save(ImportPageController.Outcome outcome) {
        if (!AccountIds.isValid(outcome.accountId())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String body = json.writeValueAsString(outcome);
        int updated = jdbc.sql("update dashboard_last_import set imported_at = :at, file_name = :name, outcome = :body"
                        + " where account_id = :account")
                .param("at", now)
                .param("name", outcome.fileName())
                .param("body", body)
                .param("account", outcome.accountId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into dashboard_last_import (account_id, imported_at, file_name, outcome)"
                            + " values (:account, :at, :name, :body) on conflict do nothing")
                    .param("account", outcome.accountId())
                    .param("at", now)
                    .param("name", outcome.fileName())
                    .param("body", body)
                    .update();
        }
    }

    /** The account's last page import, if it has one. */
    Optional<Stored> last(String accountId) {
        return jdbc.sql("select imported_at, outcome from dashboard_last_import where account_id = :account")
                .param("account", accountId)
                .query((rs, n) -> new Stored(
                        json.readValue(rs.getString("outcome"), ImportPageController.Outcome.class),
                        rs.getObject("imported_at", OffsetDateTime.class)))
                .optional();
    }
}
