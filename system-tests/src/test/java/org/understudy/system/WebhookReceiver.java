package org.understudy.system;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as an integrator would write one: it checks each delivery's signature
 * with the Standard Webhooks reference library, answers 204, and keeps the ids it was sent (a repeat is
 * counted, not acted on again).
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private volatile Webhook verifier;
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            int status = 204;
            try {
                verifier.verify(body, headers);
                deliveries.incrementAndGet();
                if (!ids.add(headers.get("webhook-id").get(0))) {
                    repeats.incrementAndGet();
                }
            } catch (WebhookVerificationException | RuntimeException e) {
                badSignatures.incrementAndGet();
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/understudy";
    }

    /** The subscription's secret, as its creation answered. */
    void trust(String secret) {
        verifier = new Webhook(secret);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
