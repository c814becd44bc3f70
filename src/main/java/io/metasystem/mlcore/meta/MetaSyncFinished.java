package io.metasystem.mlcore.meta;

/**
 * Published (as a Spring application event) when a Meta sync of an account ends, in the sync's thread and before
 * its job shows finished: the alerts feature raises or resolves the rejected-token alert from it.
 *
 * @param accountId     account without {@code act_}
 * @param succeeded     the sync finished without error
 * @param tokenRejected Meta rejected the access token
 * @param message       nullable: what went wrong
 */
public record MetaSyncFinished(String accountId, boolean succeeded, boolean tokenRejected, String message) {}
