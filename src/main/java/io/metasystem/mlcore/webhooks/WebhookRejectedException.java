package io.metasystem.mlcore.webhooks;

/** An inbound webhook that is not authentic, too old, or a replay; answered with 401 naming the reason. */
public class WebhookRejectedException extends RuntimeException {
    public WebhookRejectedException(String message) {
        super(message);
    }
}
