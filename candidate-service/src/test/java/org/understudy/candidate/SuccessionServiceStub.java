package org.understudy.candidate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for succession-service's successor-list endpoint, the one thing candidate-service asks of it
 * (the real one is tested in succession-service, and the two together in system-tests). A test sets
 * the answer for a post with {@code PUT /stub/{postId}} (status in {@code X-Status}, the body) and reads
 * the Authorization header the last request carried with {@code GET /stub/{postId}/authorization}.
 * Answers and headers live in the stub's own process state, reached over HTTP, so the test and the
 * service under test need share no class.
 */
public class SuccessionServiceStub implements QuarkusTestResourceLifecycleManager {
    private static final String LIST = "/api/v1/succession/posts/";
    private HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("understudy.succession-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.startsWith("/stub/") && exchange.getRequestMethod().equals("PUT")) {
                String post = path.substring("/stub/".length());
                bodies.put(post, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                statuses.put(post, Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Status")));
                answer(exchange, 204, "");
            } else if (path.startsWith("/stub/") && path.endsWith("/authorization")) {
                String post = path.substring("/stub/".length(), path.length() - "/authorization".length());
                answer(exchange, 200, authorizations.getOrDefault(post, ""));
            } else if (path.startsWith(LIST) && path.endsWith("/successors")) {
                String post = path.substring(LIST.length(), path.length() - "/successors".length());
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.put(post, auth == null ? "" : auth);
                answer(exchange, statuses.getOrDefault(post, 404), bodies.getOrDefault(post, "{}"));
            } else {
                answer(exchange, 404, "{}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
