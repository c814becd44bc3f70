package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.List;
import java.util.Map;

/**
 * An inbound webhook that is not authentic, too old, or a replay; answered 401 "Webhook rejected" naming the reason
 * and the header at fault.
 */
class WebhookRejectedException extends ProblemException {
    /**
     * @param header the header at fault ({@code X-Signature}, {@code X-Timestamp}), or {@code $} when none is
     * @param message why the webhook was refused
     */
    public WebhookRejectedException(String header, String message) {
        super(
                ProblemKind.UNAUTHORIZED,
                "Webhook rejected",
                message,
                List.of(new FieldProblem(header, message)),
                Map.of(),
                null);
    }
}
