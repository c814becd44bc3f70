package io.metasystem.mlcore.optimizer;

import java.util.Arrays;

/**
 * Rounds budgets to cents so that they sum exactly to the cent-rounded target while each stays inside its bounds
 * (bounds are themselves rounded inward: lo up, hi down, to the cent). Largest-remainder method: floor every budget,
 * then hand out the missing cents one at a time to the largest fractional parts that still have room
 * (ties broken by position, i.e. by id order upstream). Runs in O(n log n).
 */
final class CentRounding {
    private CentRounding() {}

    /** @return budgets in cents; Σ = round(target·100) whenever the rounded bounds allow it. */
    static long[] round(double[] b, double[] lo, double[] hi, double target) {
        int n = b.length;
        long want = Math.round(target * 100.0);
        long[] cents = new long[n];
        long[] loC = new long[n];
        long[] hiC = new long[n];
        double[] frac = new double[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            loC[i] = (long) Math.ceil(lo[i] * 100.0 - 1e-6);
            hiC[i] = Math.max(loC[i], (long) Math.floor(Math.min(hi[i], 1e15) * 100.0 + 1e-6));
            double x = b[i] * 100.0;
            long f = (long) Math.floor(x + 1e-9);
            cents[i] = Math.max(loC[i], Math.min(hiC[i], f));
            frac[i] = x - cents[i];
            sum += cents[i];
        }
        long diff = want - sum;
        if (diff == 0) {
            return cents;
        }
        // order by remainder (descending when cents are missing, ascending when in excess), ties by position:
        // pack a 31-bit remainder rank and the index into one long and sort primitives
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double f = Math.max(0.0, Math.min(1.0, frac[i]));
            long rank = (long) ((diff > 0 ? 1.0 - f : f) * (1L << 30));
            keys[i] = (rank << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & 0xffffffffL);
        }
        // several passes: a cent each to ad sets with room, in order of their remainders
        for (int pass = 0; pass < 1_000 && diff != 0; pass++) {
            boolean moved = false;
            for (int k = 0; k < n && diff != 0; k++) {
                int i = order[k];
                if (diff > 0 && cents[i] < hiC[i]) {
                    long step = pass == 0 ? 1 : Math.min(diff, hiC[i] - cents[i]);
                    cents[i] += step;
                    diff -= step;
                    moved = true;
                } else if (diff < 0 && cents[i] > loC[i]) {
                    long step = pass == 0 ? 1 : Math.min(-diff, cents[i] - loC[i]);
                    cents[i] -= step;
                    diff += step;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return cents;
    }
}
