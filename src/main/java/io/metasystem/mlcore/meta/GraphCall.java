package io.metasystem.mlcore.meta;

import java.util.Map;

/**
 * One Graph API write as sent (or, in a dry run, as it would have been sent); never contains the token.
 *
 * @param response the response body, or {@code null} for a dry run
 */
record GraphCall(String method, String path, Map<String, String> params, String response) {}
