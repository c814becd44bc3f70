package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.AlertService;
import io.metasystem.mlcore.alerts.AlertState;
import io.metasystem.mlcore.alerts.Silence;
import io.metasystem.mlcore.alerts.SilenceMatchers;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.AccountIds;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    /** How long a silence made on the page lasts, as offered by its form. */
    static final List<Duration> SILENCE_DURATIONS =
            List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7));

    private final AlertService alerts;
    private final Clock clock;

    AlertsPageController(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @GetMapping(Routes.ALERTS)
    String alerts(
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "silence", required = false) String silenceFor,
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
        model.addAttribute("silences", alerts.silences(false));
        model.addAttribute(
                "durations", SILENCE_DURATIONS.stream().map(Duration::toString).toList());
        Alert prefill = null;
        if (Routes.parameter(silenceFor) != null) {
            prefill = shown.stream()
                    .filter(a -> a.id().equals(silenceFor.strip()))
                    .findFirst()
                    .orElse(null);
        }
        model.addAttribute("prefill", prefill);
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

    /**
     * Creates a silence (at least one matcher, a comment, one of {@link #SILENCE_DURATIONS}); an incomplete form comes
     * back with {@code ?silence_error=matcher|comment|duration}.
     */
    @PostMapping(Routes.ALERTS + "/silences")
    String silence(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "adset_id", required = false) String adsetId,
            @RequestParam(name = "metric", required = false) String metric,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "comment", required = false) String comment,
            @RequestParam(name = "duration", required = false) String duration,
            Authentication who) {
        String account = Routes.parameter(accountId);
        String adset = Routes.parameter(adsetId);
        String m = Routes.parameter(metric);
        String k = Routes.parameter(kind);
        if (account == null && adset == null && m == null && k == null) {
            return "redirect:" + Routes.ALERTS + "?silence_error=matcher";
        }
        if (account != null && !AccountIds.isValid(account)) {
            return "redirect:" + Routes.ALERTS + "?silence_error=account";
        }
        if (Routes.parameter(comment) == null) {
            return "redirect:" + Routes.ALERTS + "?silence_error=comment";
        }
        Duration length = SILENCE_DURATIONS.stream()
                .filter(d -> d.toString().equals(Routes.parameter(duration)))
                .findFirst()
                .orElse(null);
        if (length == null) {
            return "redirect:" + Routes.ALERTS + "?silence_error=duration";
        }
        Silence s = alerts.silence(
                new SilenceMatchers(account, adset, m, k),
                comment,
                "dashboard:" + who.getName(),
                OffsetDateTime.now(clock).plus(length));
        return "redirect:" + Routes.ALERTS + "?silenced=" + s.id();
    }

    /** Ends a silence now (the API's expire). */
    @PostMapping(Routes.ALERTS + "/silences/{id}/delete")
    String deleteSilence(@PathVariable("id") String id) {
        try {
            alerts.expire(id);
        } catch (NotFoundException e) {
            throw new PageNotFoundException("notfound.silence", id);
        }
        return "redirect:" + Routes.ALERTS + "?unsilenced=" + id;
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
