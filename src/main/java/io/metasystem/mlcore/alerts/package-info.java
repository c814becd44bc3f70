/**
 * Outliers and deviation alerts: anomaly detection on posted or stored daily insights, stateful alerts modelled on
 * Prometheus Alertmanager (fingerprint, pending → firing → resolved, acknowledged, silences, grouping, repeat
 * interval, quiet period against flapping), scans after imports and on the clustered scheduler, and delivery as
 * signed {@code alert.firing}/{@code alert.resolved} outbox events with an Alertmanager webhook v4 payload.
 * <p>
 * Owns: {@code alerts.detect} (the pure detectors), {@link io.metasystem.mlcore.alerts.AnomalyService},
 * {@link io.metasystem.mlcore.alerts.AlertService}, the {@code alert} and {@code alert_silence} tables (migration V40).
 * May use: {@code store} (insights, the import event), {@code webhooks} (outbox), {@code scheduling} (clustered
 * tasks), {@code meta} (its sync-outcome event only), {@code optimizer} (distributions, from the detectors),
 * {@code config}, {@code errors}, Spring. Nothing of ours depends on it except {@code api}.
 */
package io.metasystem.mlcore.alerts;
