package org.understudy.seed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ApiClientTest {

    /** A server that closes its first connection without answering, then answers 200 on every other. */
    private static final class ClosesFirstConnection implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread acceptor = new Thread(this::serve, "closes-first-connection");

        ClosesFirstConnection() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    int read = in.read(buffer); // the request (small enough for one read)
                    requests.add(new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII));
                    if (connections.incrementAndGet() == 1) {
                        continue; // closed with no answer, as a server that dropped a kept-alive connection
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void anIdempotentRequestIsSentAgainWhenTheConnectionClosesWithoutAnAnswer() throws IOException {
        try (ClosesFirstConnection server = new ClosesFirstConnection()) {
            ApiClient.Response r = new ApiClient(server.url()).put("/api/v1/candidates/x/readiness", Map.of("level", "READY_NOW"));
            assertEquals(200, r.status());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void aPostIsSentAgainWithTheSameIdempotencyKey() throws IOException {
        try (ClosesFirstConnection server = new ClosesFirstConnection()) {
            ApiClient.Response r = new ApiClient(server.url()).post("/api/v1/candidates", Map.of("name", "x"));
            assertEquals(200, r.status());
            assertEquals(2, server.connections.get());
            List<String> keys = server.requests.stream().map(ApiClientTest::idempotencyKey).toList();
            assertNotNull(keys.get(0), "the POST carries an Idempotency-Key");
            assertEquals(keys.get(0), keys.get(1), "the retry carries the same key, so the service answers it once");
        }
    }

    @Test
    void eachPostHasAKeyOfItsOwn() throws IOException {
        try (ClosesFirstConnection server = new ClosesFirstConnection()) {
            ApiClient client = new ApiClient(server.url());
            client.post("/api/v1/candidates", Map.of("name", "x"));
            client.post("/api/v1/candidates", Map.of("name", "x"));
            List<String> keys = server.requests.stream().map(ApiClientTest::idempotencyKey).toList();
            assertEquals(3, keys.size());
            assertNotEquals(keys.get(1), keys.get(2));
        }
    }

    private static String idempotencyKey(String request) {
        return request.lines().filter(line -> line.toLowerCase().startsWith("idempotency-key:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
    }
}
