package io.metasystem.mlcore.alerts;

import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.AnomalyKind;
import io.metasystem.mlcore.alerts.detect.DetectionResult;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.config.AlertProperties;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.scheduling.JobMetrics;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts with state, modelled on Prometheus Alertmanager.
 * <ul>
 *   <li>Fingerprint: the first 16 hex digits of SHA-256 over (account, ad set, metric, kind).</li>
 *   <li>A scan of an account detects anomalies dated in the last {@code ALERTS_LOOKBACK_DAYS} days up to its newest
 *       insight day. A new anomaly opens an alert: {@code firing} at once when confirmed (a level shift, delivery
 *       stop or pacing, or a spike/dip dated before the newest day, so newer data did not explain it away), else
 *       {@code pending}; a pending alert fires on a later scan that still sees it on newer data.</li>
 *   <li>An open alert whose fingerprint the scan no longer sees is {@code resolved}. A resolved fingerprint cannot
 *       open again for {@code ALERTS_QUIET_DAYS} days (no flapping).</li>
 *   <li>Grouping: one {@code alert.firing} event per account and scan with every alert that started firing or is
 *       due for its repeat ({@code ALERTS_REPEAT_INTERVAL}, not when acknowledged), and one {@code alert.resolved}
 *       event with the alerts that resolved; silenced alerts are left out of both.</li>
 * </ul>
 */
@Service
public class AlertService {
    /** Ad-set id of account-level alerts. */
    public static final String ACCOUNT_LEVEL = "-";
    /** Kind of the alert raised when Meta rejects the access token during a sync. */
    public static final String TOKEN_KIND = "meta_token_rejected";

    static final String TOKEN_METRIC = "meta_token";
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final Set<AnomalyKind> CONFIRMED =
            Set.of(AnomalyKind.LEVEL_SHIFT, AnomalyKind.DELIVERY_STOP, AnomalyKind.PACING);
    private static final int MAX_LIST = 1000;
    private static final List<String> WATCHED =
            List.of(AnomalyKind.DELIVERY_STOP.wireName(), AnomalyKind.LEVEL_SHIFT.wireName());

    private final JobMetrics jobs;
    private final AlertStore store;
    private final AnomalyService anomalies;
    private final OutboundWebhooks webhooks;
    private final AlertProperties properties;
    private final Clock clock;

    AlertService(
            AlertStore store,
            AnomalyService anomalies,
            OutboundWebhooks webhooks,
            AlertProperties properties,
            Clock clock,
            MeterRegistry meters,
            JobMetrics jobs) {
        this.jobs = jobs;
        this.store = store;
        this.anomalies = anomalies;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        for (AlertState state : AlertState.values()) {
            Gauge.builder("mlcore.alerts", () -> safeCount(state))
                    .tag("state", state.wireName())
                    .description("Alerts by state")
                    .register(meters);
        }
    }

    /** Sensitivity of scans ({@code ALERTS_SENSITIVITY}). */
    public Sensitivity sensitivity() {
        return Sensitivity.fromWire(properties.sensitivity());
    }

    /**
     * Scans an account now: opens, fires and resolves its alerts and sends at most one firing and one resolved
     * notification.
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the account is not stored
     */
    @Transactional
    public ScanResult scan(String accountId) {
        return jobs.time(JobMetrics.Job.SCAN, () -> scanNow(accountId));
    }

    private ScanResult scanNow(String accountId) {
        String account = AccountIds.canonical(accountId);
        store.lockAccount(account);
        OffsetDateTime now = now();
        LocalDate newest = anomalies.lastDate(account);
        Map<String, Anomaly> current = new LinkedHashMap<>();
        int found = 0;
        if (newest != null) {
            LocalDate from = newest.minusDays(properties.lookbackDays() - 1L);
            DetectionSettings settings = DetectionSettings.defaults().withSensitivity(sensitivity());
            DetectionResult result = anomalies.detectStored(account, from, newest, settings);
            found = result.anomalies().size();
            for (Anomaly a : result.anomalies()) {
                // the latest anomaly of a fingerprint carries its values
                current.put(
                        fingerprint(
                                account,
                                a.adsetId(),
                                a.metric().wireName(),
                                a.kind().wireName()),
                        a);
            }
        }
        Map<String, Alert> open = new LinkedHashMap<>();
        for (Alert a : store.open(account)) {
            if (!a.adsetId().equals(ACCOUNT_LEVEL)) {
                open.put(a.fingerprint(), a);
            }
        }
        List<String> opened = new ArrayList<>();
        List<Alert> firing = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        for (var e : current.entrySet()) {
            Anomaly anomaly = e.getValue();
            boolean confirmed =
                    CONFIRMED.contains(anomaly.kind()) || anomaly.date().isBefore(newest);
            Alert alert = open.remove(e.getKey());
            if (alert == null) {
                Optional<OffsetDateTime> quiet = store.lastResolved(e.getKey());
                if (quiet.isPresent()
                        && quiet.get().plusDays(properties.quietDays()).isAfter(now)) {
                    continue; // resolved recently: stays resolved for the quiet period
                }
                alert = open(account, anomaly, confirmed, now);
                store.insert(alert);
                opened.add(alert.id());
                if (alert.state() == AlertState.FIRING) {
                    firing.add(alert);
                }
                continue;
            }
            alert = alert.seen(values(anomaly), now);
            if (alert.state() == AlertState.PENDING && confirmed) {
                alert = alert.withState(AlertState.FIRING, now, null);
                firing.add(alert);
            } else if (alert.state() == AlertState.FIRING && repeatDue(alert, now)) {
                firing.add(alert);
            }
            store.update(alert, now);
        }
        for (Alert alert : open.values()) {
            boolean wasNotified = alert.state() != AlertState.PENDING;
            alert = alert.withState(AlertState.RESOLVED, alert.firedAt(), now);
            store.update(alert, now);
            if (wasNotified) {
                resolved.add(alert);
            }
        }
        List<String> fired = firing.stream()
                .filter(a -> a.lastNotifiedAt() == null)
                .map(Alert::id)
                .toList();
        List<String> events = new ArrayList<>();
        int notified = notify(account, AlertNotifications.FIRING, "firing", firing, now, events)
                + notify(account, AlertNotifications.RESOLVED, "resolved", resolved, now, events);
        List<String> resolvedIds = resolved.stream().map(Alert::id).toList();
        if (!opened.isEmpty() || !resolvedIds.isEmpty()) {
            log.info(
                    "Alert scan of account {} (newest day {}): {} anomalies, {} opened, {} firing, {} resolved",
                    account,
                    newest,
                    found,
                    opened.size(),
                    fired.size(),
                    resolvedIds.size());
        }
        return new ScanResult(account, newest, found, opened, fired, resolvedIds, notified, events);
    }

    /** Opens (or keeps) the account-level alert of a rejected Meta token and notifies it when it is new. */
    @Transactional
    public Alert tokenRejected(String accountId, String message) {
        String account = AccountIds.canonical(accountId);
        OffsetDateTime now = now();
        String fingerprint = fingerprint(account, ACCOUNT_LEVEL, TOKEN_METRIC, TOKEN_KIND);
        for (Alert a : store.open(account)) {
            if (a.fingerprint().equals(fingerprint)) {
                Alert seen = a.seen(Alert.Values.accountLevel(message), now);
                store.update(seen, now);
                return seen;
            }
        }
        Alert alert = Alert.opened(
                new AlertKey(account, ACCOUNT_LEVEL, TOKEN_METRIC, TOKEN_KIND),
                AlertState.FIRING,
                Alert.Values.accountLevel(message),
                now);
        store.insert(alert);
        notify(account, AlertNotifications.FIRING, "firing", List.of(alert), now, new ArrayList<>());
        return alert;
    }

    /** Resolves the account's rejected-token alert, if one is open (a sync succeeded). */
    @Transactional
    public void tokenAccepted(String accountId) {
        String account = AccountIds.canonical(accountId);
        OffsetDateTime now = now();
        String fingerprint = fingerprint(account, ACCOUNT_LEVEL, TOKEN_METRIC, TOKEN_KIND);
        for (Alert a : store.open(account)) {
            if (a.fingerprint().equals(fingerprint)) {
                Alert done = a.withState(AlertState.RESOLVED, a.firedAt(), now);
                store.update(done, now);
                notify(account, AlertNotifications.RESOLVED, "resolved", List.of(done), now, new ArrayList<>());
            }
        }
    }

    /**
     * @param state     nullable: every state
     * @param accountId nullable: every account
     * @return at most 1,000 alerts, newest first, each with the silence that mutes it
     */
    public List<Alert> list(AlertState state, String accountId) {
        List<Silence> silences = store.silences(now());
        return store.list(state, accountId == null ? null : AccountIds.canonical(accountId), MAX_LIST).stream()
                .map(a -> withSilence(a, silences))
                .toList();
    }

    /**
     * Firing or acknowledged delivery-stop and level-shift alerts of these ad sets: their history may not describe
     * tomorrow, which the optimize answers warn about.
     */
    public List<Alert> watched(Collection<String> adsetIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(adsetIds));
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(store.watched(ids.subList(i, Math.min(ids.size(), i + 1000)), WATCHED));
        }
        return out;
    }

    /** @throws NotFoundException when there is no such alert */
    public Alert find(String id) {
        return withSilence(
                store.find(id).orElseThrow(() -> new NotFoundException("alert", id, "id")), store.silences(now()));
    }

    /**
     * Acknowledges an open alert: it stays open and resolves as usual, but is not notified again.
     *
     * @param by nullable: who acknowledged
     * @throws NotFoundException when there is no such alert
     * @throws ProblemException  (409) when the alert is resolved
     */
    @Transactional
    public Alert acknowledge(String id, String by) {
        Alert alert = store.find(id).orElseThrow(() -> new NotFoundException("alert", id, "id"));
        if (alert.state() == AlertState.RESOLVED) {
            throw new ProblemException(
                    ProblemKind.CONFLICT,
                    "Alert is resolved",
                    "Alert '" + id + "' resolved at " + alert.resolvedAt() + "; only open alerts can be acknowledged.",
                    List.of(new FieldProblem("id", "alert is resolved")),
                    Map.of(),
                    null);
        }
        if (alert.state() == AlertState.ACKNOWLEDGED) {
            return find(id);
        }
        OffsetDateTime now = now();
        Alert acked = alert.acknowledged(by, now);
        store.update(acked, now);
        return find(id);
    }

    /**
     * Records a silence starting now.
     *
     * @throws IllegalArgumentException when it has no matcher, no comment, or ends before now
     */
    @Transactional
    public Silence silence(SilenceMatchers matchers, String comment, String createdBy, OffsetDateTime endsAt) {
        OffsetDateTime now = now();
        if (matchers.none()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (comment == null || comment.isBlank() || !endsAt.isAfter(now)) {
            throw new IllegalArgumentException("a silence needs a comment and an end after now");
        }
        Silence s = new Silence(
                UUID.randomUUID().toString(),
                matchers.accountId() == null ? null : AccountIds.canonical(matchers.accountId()),
                matchers.adsetId(),
                matchers.metric(),
                matchers.kind(),
                comment.strip(),
                createdBy,
                now,
                endsAt.withOffsetSameInstant(ZoneOffset.UTC),
                now);
        store.insert(s);
        return s;
    }

    /** @param all false: only silences in force now */
    public List<Silence> silences(boolean all) {
        return store.silences(all ? null : now());
    }

    /**
     * Ends a silence now (it stays listed with {@code all}).
     *
     * @throws NotFoundException when there is no such silence
     */
    @Transactional
    public Silence expire(String id) {
        if (!store.expire(id, now())) {
            throw new NotFoundException("silence", id, "id");
        }
        return store.silence(id).orElseThrow(() -> new NotFoundException("silence", id, "id"));
    }

    /** Fingerprint of (account, ad set, metric, kind): 16 hex digits of SHA-256, as Alertmanager's are 16 digits. */
    static String fingerprint(String account, String adset, String metric, String kind) {
        return new AlertKey(account, adset, metric, kind).fingerprint();
    }

    private static Alert open(String account, Anomaly a, boolean confirmed, OffsetDateTime now) {
        return Alert.opened(
                new AlertKey(
                        account, a.adsetId(), a.metric().wireName(), a.kind().wireName()),
                confirmed ? AlertState.FIRING : AlertState.PENDING,
                values(a),
                now);
    }

    private static Alert.Values values(Anomaly a) {
        return new Alert.Values(
                a.direction().wireName(), a.date(), a.observed(), a.expected(), a.lo(), a.hi(), a.score(), a.reason());
    }

    private boolean repeatDue(Alert a, OffsetDateTime now) {
        return a.lastNotifiedAt() == null
                || !a.lastNotifiedAt().plus(properties.repeatInterval()).isAfter(now);
    }

    /** Sends one grouped event with the alerts no silence mutes; marks them notified. */
    private int notify(
            String account, String type, String status, List<Alert> alerts, OffsetDateTime now, List<String> events) {
        List<Silence> silences = store.silences(now);
        List<Alert> loud = alerts.stream()
                .filter(a -> silences.stream().noneMatch(s -> s.matches(a)))
                .toList();
        if (loud.isEmpty()) {
            return 0;
        }
        String id = webhooks.publish(type, AlertNotifications.payload(account, status, loud));
        if (id != null) {
            events.add(id);
        }
        for (Alert a : loud) {
            if (a.state() == AlertState.FIRING) {
                store.update(a.notified(now), now);
            }
        }
        return loud.size();
    }

    private static Alert withSilence(Alert a, List<Silence> silences) {
        return silences.stream()
                .filter(s -> s.matches(a))
                .findFirst()
                .map(s -> a.silenced(s.id()))
                .orElse(a);
    }

    private double safeCount(AlertState state) {
        try {
            return store.count(state);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
