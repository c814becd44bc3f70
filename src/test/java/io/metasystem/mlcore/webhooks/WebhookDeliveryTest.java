package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.config.WebhookProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery to a receiver that behaves like n8n (Node.js with an upgrade handler): a request that asks for a protocol
 * upgrade is handed to that handler and never answered. Found by running the shipped workflow in a real n8n.
 */
class WebhookDeliveryTest {

    @Test
    void deliversOverPlainHttp11WithoutAskingForAnUpgrade() throws Exception {
        List<List<String>> requests = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> serveOne(server, requests, done));
            receiver.setDaemon(true);
            receiver.start();
            WebhookProperties properties = new WebhookProperties(
                    "a-secret-of-16-chars+",
                    "http://127.0.0.1:" + server.getLocalPort() + "/webhook/ml-core",
                    Duration.ofMinutes(5),
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
            WebhookDelivery delivery = new WebhookDelivery(properties, Clock.systemUTC(), new SimpleMeterRegistry());

            WebhookDelivery.Attempt attempt = delivery.send("evt-1", "{\"type\":\"alert\"}");

            assertThat(attempt.delivered()).as(attempt.error()).isTrue();
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).get(0)).isEqualTo("POST /webhook/ml-core HTTP/1.1");
            assertThat(requests.get(0))
                    .noneMatch(h -> h.toLowerCase().startsWith("upgrade:"))
                    .anyMatch(h -> h.toLowerCase().startsWith("x-signature: sha256="));
        } finally {
            done.countDown();
        }
    }

    /** Answers one request, unless it asks for an upgrade: that one stays unanswered until {@code done}. */
    private static void serveOne(ServerSocket server, List<List<String>> requests, CountDownLatch done) {
        try (Socket socket = server.accept()) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            requests.add(lines);
            if (lines.stream().anyMatch(h -> h.toLowerCase().startsWith("upgrade:"))) {
                done.await(); // like Node.js with an 'upgrade' listener: no answer
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (Exception e) {
            // the test fails on the missing delivery
        }
    }
}
