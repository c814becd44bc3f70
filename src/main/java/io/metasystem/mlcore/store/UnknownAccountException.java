package io.metasystem.mlcore.store;

/** No ad account with this id in the store. Answered with 404. */
public class UnknownAccountException extends RuntimeException {
    private final String accountId;

    public UnknownAccountException(String accountId) {
        super("No ad account '" + accountId + "' in the store; import its insights first.");
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
