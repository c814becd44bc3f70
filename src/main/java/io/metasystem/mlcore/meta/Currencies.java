package io.metasystem.mlcore.meta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Meta's currency offsets: budgets in the Graph API are in minor units; most currencies have offset 100, the ones
 * below offset 1 (Meta "Currencies" reference).
 */
final class Currencies {
    private static final Set<String> OFFSET_ONE =
            Set.of("CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND");

    private Currencies() {}

    /** 1 or 100. Unknown or null currency: 100. */
    public static int offset(String currency) {
        return currency != null && OFFSET_ONE.contains(currency.toUpperCase(Locale.ROOT)) ? 1 : 100;
    }

    /** Minor units (what the Graph API takes) to currency per day. */
    public static BigDecimal toMajor(long minor, String currency) {
        return BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(offset(currency)), 2, RoundingMode.UNNECESSARY);
    }

    /** Currency per day to minor units, rounded half-up to a whole minor unit. */
    public static long toMinor(BigDecimal major, String currency) {
        return major.multiply(BigDecimal.valueOf(offset(currency)))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
