package io.metasystem.mlcore.alerts;

import java.time.LocalDate;
import java.util.List;

/**
 * What one scan of an account did.
 *
 * @param newestDay      newest insight day of the account, null when it has none
 * @param anomalies      anomalies in the lookback window
 * @param opened         alerts opened (pending or firing)
 * @param fired          alerts that started firing
 * @param resolved       alerts resolved
 * @param notified       alerts in this scan's notifications (firing, repeated and resolved, not silenced)
 * @param events         outbox event ids of the notifications (at most one firing and one resolved event)
 */
public record ScanResult(
        String accountId,
        LocalDate newestDay,
        int anomalies,
        List<String> opened,
        List<String> fired,
        List<String> resolved,
        int notified,
        List<String> events) {
    public ScanResult {
        opened = List.copyOf(opened);
        fired = List.copyOf(fired);
        resolved = List.copyOf(resolved);
        events = List.copyOf(events);
    }
}
