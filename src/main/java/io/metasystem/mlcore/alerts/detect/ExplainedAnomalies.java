package io.metasystem.mlcore.alerts.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * One root cause, one anomaly: folds the anomalies of an ad set that an earlier root anomaly of the same ad set
 * explains into that root. Conversions per unit of spend factorise as (1,000 / CPM) · CTR · CVR, so a level shift of
 * CPM, CTR or CVR moves conversions the same way within days; a delivery stop moves spend and conversions until
 * delivery resumes. Reporting those consequences again would page the team twice for one problem (Alertmanager's
 * grouping and inhibition rules serve the same purpose). A folded anomaly is named in the root's reason.
 */
final class ExplainedAnomalies {
    /** Days after a root within which a consequence is folded into it. */
    static final int FOLLOW_DAYS = 7;

    private ExplainedAnomalies() {}

    /**
     * @param own the anomalies of one series, any order
     * @return the same anomalies without the explained ones, in the input order; roots that explain others carry
     *     a sentence naming them
     */
    static List<Anomaly> fold(List<Anomaly> own) {
        List<Anomaly> out = new ArrayList<>(own);
        for (int r = 0; r < out.size(); r++) {
            Anomaly root = out.get(r);
            if (!isRoot(root)) {
                continue;
            }
            List<String> folded = new ArrayList<>();
            for (int i = out.size() - 1; i >= 0; i--) {
                Anomaly a = out.get(i);
                if (i != r && explains(root, a)) {
                    folded.add(
                            0, a.metric().wireName() + " " + a.kind().wireName().replace('_', ' ') + " on " + a.date());
                    out.remove(i);
                    if (i < r) {
                        r--;
                    }
                }
            }
            if (!folded.isEmpty()) {
                String reason = root.reason();
                String glue = reason.endsWith(".") ? " " : ". ";
                out.set(r, withReason(root, reason + glue + "It also explains the " + String.join(", ", folded) + "."));
            }
        }
        return out;
    }

    /**
     * Folds the account total's anomalies that an ad set's delivery stop explains: the total's spend or conversions
     * moving, or under-pacing, within {@value #FOLLOW_DAYS} days of it (the stopped ad set's spend is missing from the
     * sum). Rate shifts of the total (CTR, CVR, CPM) are kept even when one ad set shifted too: from the anomalies
     * alone it cannot be told whether that ad set accounts for the total's move. A folded total anomaly is named in the
     * ad set's reason.
     *
     * @param all every anomaly of one detection, the total's with {@code adsetId} {@link AccountTotal#SERIES_ID}
     * @return the same anomalies without the explained total ones, in the input order
     */
    static List<Anomaly> foldTotal(List<Anomaly> all) {
        List<Anomaly> out = new ArrayList<>(all);
        for (int t = out.size() - 1; t >= 0; t--) {
            Anomaly total = out.get(t);
            if (!AccountTotal.SERIES_ID.equals(total.adsetId())) {
                continue;
            }
            for (int a = 0; a < out.size(); a++) {
                Anomaly adSet = out.get(a);
                if (!AccountTotal.SERIES_ID.equals(adSet.adsetId()) && explainsTotal(adSet, total)) {
                    String reason = adSet.reason();
                    String glue = reason.endsWith(".") ? " " : ". ";
                    out.set(
                            a,
                            withReason(
                                    adSet,
                                    reason + glue + "It also explains the account total's "
                                            + total.metric().wireName() + " "
                                            + total.kind().wireName().replace('_', ' ') + " on " + total.date()
                                            + "."));
                    out.remove(t);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether an ad set's anomaly (a delivery stop) accounts for an anomaly of the account total. */
    static boolean explainsTotal(Anomaly adSet, Anomaly total) {
        long days = total.date().toEpochDay() - adSet.date().toEpochDay();
        if (adSet.kind() == AnomalyKind.DELIVERY_STOP) {
            boolean moved = (total.metric() == Metric.SPEND || total.metric() == Metric.CONVERSIONS)
                    && total.kind() != AnomalyKind.DELIVERY_STOP
                    && (total.kind() != AnomalyKind.PACING || total.direction() == Direction.DOWN);
            return moved && days >= 0 && days <= FOLLOW_DAYS;
        }
        return false;
    }

    private static boolean isRoot(Anomaly a) {
        return a.kind() == AnomalyKind.DELIVERY_STOP
                || (a.kind() == AnomalyKind.LEVEL_SHIFT
                        && (a.metric() == Metric.CPM || a.metric() == Metric.CTR || a.metric() == Metric.CVR));
    }

    /** Whether {@code a} is a consequence of {@code root}: a conversions anomaly in the implied direction. */
    static boolean explains(Anomaly root, Anomaly a) {
        long days = a.date().toEpochDay() - root.date().toEpochDay();
        if (days < 0 || days > FOLLOW_DAYS) {
            return false;
        }
        if (root.kind() == AnomalyKind.DELIVERY_STOP) {
            return (a.metric() == Metric.CONVERSIONS || a.metric() == Metric.SPEND)
                    && a.kind() != AnomalyKind.DELIVERY_STOP
                    && a.kind() != AnomalyKind.PACING;
        }
        if (a.metric() != Metric.CONVERSIONS) {
            return false;
        }
        Direction implied = root.metric() == Metric.CPM ? opposite(root.direction()) : root.direction();
        return a.direction() == implied;
    }

    private static Direction opposite(Direction d) {
        return d == Direction.UP ? Direction.DOWN : Direction.UP;
    }

    private static Anomaly withReason(Anomaly a, String reason) {
        return new Anomaly(
                a.adsetId(),
                a.date(),
                a.metric(),
                a.kind(),
                a.direction(),
                a.observed(),
                a.expected(),
                a.lo(),
                a.hi(),
                a.score(),
                reason);
    }
}
