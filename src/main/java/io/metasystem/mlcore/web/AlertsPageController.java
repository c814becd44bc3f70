package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.AlertService;
import io.metasystem.mlcore.alerts.AlertState;
import io.metasystem.mlcore.errors.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * {@code /dashboard/alerts}: the open alerts of every account (or those of one state), newest first, each with its
 * reason, the observed value against the expected one and its interval, and an acknowledge button (a CSRF-protected
 * form). Resolved alerts are listed with {@code ?state=resolved}.
 */
@Controller
class AlertsPageController {
    /** The states the page filters by, in the order of its links. */
    static final List<AlertState> STATES =
            List.of(AlertState.FIRING, AlertState.PENDING, AlertState.ACKNOWLEDGED, AlertState.RESOLVED);

    private final AlertService alerts;

    AlertsPageController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping(Routes.ALERTS)
    String alerts(
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "account_id", required = false) String accountId,
            Authentication who,
            Model model) {
        AlertState filter = state(state);
        List<Alert> shown = alerts.list(filter, Routes.parameter(accountId)).stream()
                .filter(a -> filter != null || a.state().open())
                .toList();
        model.addAttribute("alerts", shown);
        model.addAttribute("state", filter == null ? "open" : filter.wireName());
        model.addAttribute("states", STATES.stream().map(AlertState::wireName).toList());
        model.addAttribute("accountId", Routes.parameter(accountId));
        model.addAttribute("canEdit", WebSecurity.canEdit(who));
        return "alerts";
    }

    @PostMapping(Routes.ALERTS + "/{id}/ack")
    String acknowledge(@PathVariable("id") String id) {
        try {
            alerts.acknowledge(id, "dashboard");
        } catch (NotFoundException e) {
            throw new PageNotFoundException("notfound.alert", id);
        }
        return "redirect:" + Routes.ALERTS + "?acknowledged=" + id;
    }

    /** The asked state, or null (open alerts) when absent or unknown. */
    static AlertState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AlertState.fromWire(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
