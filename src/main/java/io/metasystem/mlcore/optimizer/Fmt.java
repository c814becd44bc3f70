package io.metasystem.mlcore.optimizer;

/**
 * Allocation-free-ish fixed-point formatting for explanations ({@code String.format} dominated the profile at
 * 1,000+ ad sets). Locale-independent: '.' as decimal separator, no grouping.
 */
final class Fmt {
    private Fmt() {}

    /** x with {@code decimals} (0–3) digits after the point, half-up. */
    static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        boolean neg = x < 0;
        long v = Math.round(Math.abs(x) * scale);
        if (v == 0) {
            neg = false;
        }
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        sb.append(v / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(v % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** Appends x with {@code decimals} (0–3) digits after the point, half-up, exactly as {@link #fixed}. */
    static StringBuilder append(StringBuilder sb, double x, int decimals) {
        if (!Double.isFinite(x)) {
            return sb.append(x);
        }
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long v = Math.round(Math.abs(x) * scale);
        if (x < 0 && v != 0) {
            sb.append('-');
        }
        sb.append(v / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = v % scale;
            for (long p = scale / 10; p > 1 && frac < p; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    static String d2(double x) {
        return fixed(x, 2);
    }

    static String d1(double x) {
        return fixed(x, 1);
    }

    static String d0(double x) {
        return fixed(x, 0);
    }
}
