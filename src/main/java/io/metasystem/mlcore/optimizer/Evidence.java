package io.metasystem.mlcore.optimizer;

import java.time.LocalDate;
import java.util.List;

/**
 * Turns each ad set's history into decay-weighted evidence (mandate §2): the reference date T is the latest date
 * of the whole request, a row of date d weighs 2^{−(T−d)/half-life}, so stale ad sets are down-weighted too.
 * Also fixes the reference spend r = total / #ACTIVE, the typical spend s̄_i and u_d = log(s_d/r), which every
 * later stage reuses. The input object graph is read exactly once, here, into primitive arrays.
 */
final class Evidence {
    private static final double LN2 = Math.log(2.0);

    private Evidence() {}

    static void build(RunContext ctx, AdSetState[] arms) {
        LocalDate ref = null;
        int nActive = 0;
        for (AdSetState a : arms) {
            if (!a.in.daily().isEmpty()) {
                LocalDate last = a.in.daily().get(a.in.daily().size() - 1).date();
                if (ref == null || last.isAfter(ref)) {
                    ref = last;
                }
            }
            if (!a.callerPaused) {
                nActive++;
            }
        }
        double r = ctx.total / Math.max(1, nActive);
        ctx.r = r;
        double decay = LN2 / ctx.p.halfLifeDays();
        long refDay = ref == null ? 0 : ref.toEpochDay();
        double[] weightByAge = new double[64];
        for (int k = 0; k < weightByAge.length; k++) {
            weightByAge[k] = Math.exp(-decay * k);
        }
        double decayLong = decay / ctx.cfg.cvrHalfLifeFactor();
        double[] longByAge = new double[64];
        for (int k = 0; k < longByAge.length; k++) {
            longByAge[k] = Math.exp(-decayLong * k);
        }
        for (AdSetState a : arms) {
            List<DailyMetrics> daily = a.in.daily();
            if (!daily.isEmpty()) {
                int nd = daily.size();
                a.nd = nd;
                a.s = new double[nd];
                a.c = new double[nd];
                a.w = new double[nd];
                a.u = new double[nd];
                double ws = 0;
                double wDays = 0;
                int clickDays = 0;
                int revenueDays = 0;
                for (int d = 0; d < nd; d++) {
                    DailyMetrics m = daily.get(d);
                    long age = refDay - m.date().toEpochDay();
                    a.s[d] = m.spend();
                    a.c[d] = m.conversions();
                    a.w[d] = age >= 0 && age < weightByAge.length ? weightByAge[(int) age] : Math.exp(-decay * age);
                    a.u[d] = m.spend() > 0 ? Math.log(m.spend() / r) : 0.0;
                    Double clicks = m.clicks();
                    if (clicks != null) {
                        a.k += a.w[d] * clicks;
                        double wl =
                                age >= 0 && age < longByAge.length ? longByAge[(int) age] : Math.exp(-decayLong * age);
                        a.kLong += wl * clicks;
                        a.cLong += wl * m.conversions();
                        clickDays++;
                    }
                    Double rev = m.revenue();
                    if (rev != null) {
                        a.v += a.w[d] * rev;
                        revenueDays++;
                    }
                    a.rawSpend += m.spend();
                    a.rawConv += m.conversions();
                    if (m.spend() > 0) {
                        ws += a.w[d] * m.spend();
                        wDays += a.w[d];
                    }
                }
                a.typicalSpend = wDays > 0 ? ws / wDays : (a.current != null ? a.current : r);
                a.clickDays = clickDays;
                a.revenueDays = revenueDays;
                if (clickDays > 0 && clickDays < nd) {
                    a.clicks = new double[nd];
                    for (int d = 0; d < nd; d++) {
                        Double x = daily.get(d).clicks();
                        a.clicks[d] = x == null ? Double.NaN : x;
                    }
                }
                if (revenueDays > 0 && revenueDays < nd) {
                    a.rev = new double[nd];
                    for (int d = 0; d < nd; d++) {
                        Double x = daily.get(d).revenue();
                        a.rev[d] = x == null ? Double.NaN : x;
                    }
                }
            } else if (a.in.totals() != null) {
                a.totalsOnly = true;
                a.rawSpend = a.in.totals().spend();
                a.rawConv = a.in.totals().conversions();
                a.typicalSpend = a.current != null ? a.current : r;
            } else {
                a.isNew = true;
                a.typicalSpend = a.current != null ? a.current : r;
            }
        }
    }
}
