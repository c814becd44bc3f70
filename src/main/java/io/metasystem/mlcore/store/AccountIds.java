package io.metasystem.mlcore.store;

import io.metasystem.mlcore.config.MetaProperties;

import java.util.regex.Pattern;

/**
 * One spelling per ad account: Meta writes the same account as {@code act_1234567890} (Graph API paths, Ads
 * Manager) and {@code 1234567890} (the {@code account_id} of insights), so the store keys accounts without the
 * {@code act_} prefix and every public store method accepts either form. Without this, an account synced from Meta
 * and optimized through {@code /accounts/act_…/optimize} would be two accounts.
 */
public final class AccountIds {
    /** What an account id may be as given (with or without {@code act_}): 1–64 letters, digits, '_', '.' or '-'. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private AccountIds() {}

    /** True when {@code accountId} matches {@link #PATTERN}; false for null. */
    public static boolean isValid(String accountId) {
        return accountId != null && PATTERN.matcher(accountId).matches();
    }

    /**
     * The stored form: surrounding blanks and a leading {@code act_} removed; null stays null. The rule itself is
     * {@link MetaProperties#bareAccount}, so configured accounts ({@code APPLY_ALLOWED_ACCOUNTS}, …) and stored ones
     * are spelled alike.
     */
    public static String canonical(String accountId) {
        return MetaProperties.bareAccount(accountId);
    }
}
