package org.understudy.seed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiClientTest {

    /** A server that closes its first connection without answering, then answers 200 on every other. */
    private static final class ClosesFirstConnection implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
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
                    in.read(buffer); // the request (small enough for one read)
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
    void aPostIsNotSentTwice() throws IOException {
        try (ClosesFirstConnection server = new ClosesFirstConnection()) {
            assertThrows(ApiClient.ServiceUnreachableException.class,
                    () -> new ApiClient(server.url()).post("/api/v1/candidates", Map.of("name", "x")));
            assertEquals(1, server.connections.get());
        }
    }
}
