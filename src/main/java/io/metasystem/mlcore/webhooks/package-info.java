/**
 * Outbound events to n8n (or Slack through n8n) and the inbound n8n signature check: events are written to the
 * {@code webhook_outbox} table first, signed ({@code WebhookSigner}, HMAC-SHA256 of timestamp and body), delivered with
 * retries and back-off ({@code WebhookDelivery}) and re-delivered by a clustered task after a restart
 * ({@code OutboxRedelivery}); {@code InboundWebhookVerifier} refuses stale or replayed signatures.
 *
 * <p>Owns: the outbox and {@code DeliveryStatus}. A payload is the body of our outbound API: written once by the
 * application's ({@code snake_case}) mapper, stored deflated ({@code store.DeflatedText}, V87; older rows as text) and
 * sent byte for byte.
 *
 * <p>May use: {@code store}, {@code scheduling}, {@code config} (URL, secret, dummy mode), {@code errors}, Spring JDBC
 * and the JDK HTTP client.
 */
package io.metasystem.mlcore.webhooks;
