package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AccountIds;

/**
 * Registry scopes that name an account ({@code account:<id>}) use the store's spelling of the id, so
 * {@code account:act_123} and {@code account:123} are one scope, as {@code act_123} and {@code 123} are one account.
 */
public final class Scopes {
    public static final String ACCOUNT_PREFIX = "account:";

    private Scopes() {}

    /** The stored form of a scope; null stays null, other scopes are only stripped. */
    public static String canonical(String scope) {
        if (scope == null) {
            return null;
        }
        String s = scope.strip();
        return s.startsWith(ACCOUNT_PREFIX)
                ? ACCOUNT_PREFIX + AccountIds.canonical(s.substring(ACCOUNT_PREFIX.length()))
                : s;
    }

    /** The default scope of an account's models. */
    public static String ofAccount(String accountId) {
        return ACCOUNT_PREFIX + AccountIds.canonical(accountId);
    }
}
