package org.understudy.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small JSON-over-HTTP client for the services' public APIs. A service that does not answer
 * (connection refused, timeout), or keeps answering 5xx after a few tries, is
 * {@link ServiceUnreachableException}: the commands stop on it. Every other answer (2xx, 4xx) is
 * returned for the caller to judge.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVER_ERROR_TRIES = 4;
    // POST too: every POST carries an Idempotency-Key (below), so sending it again creates nothing twice.
    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "POST");

    /** The service cannot be used: nothing more can be done. */
    public static final class ServiceUnreachableException extends RuntimeException {
        public ServiceUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An answer: the status, the JSON body (MissingNode when there is none), the raw text. */
    public record Response(int status, JsonNode body, String text) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail (or title), for messages; the raw text when it is not a problem. */
        public String problem() {
            if (body.hasNonNull("detail")) {
                return status + " " + body.get("detail").asText();
            }
            if (body.hasNonNull("title")) {
                return status + " " + body.get("title").asText();
            }
            return status + (text.isBlank() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final String token;
    private final AtomicLong calls = new AtomicLong();

    public ApiClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    public ApiClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, System.getenv("UNDERSTUDY_TOKEN"));
    }

    /** @param token a bearer token for the services (deploy/local/seed mints an admin one), or null */
    public ApiClient(String baseUrl, Duration timeout, String token) {
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** How many requests were sent (retries included). */
    public long calls() {
        return calls.get();
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** Posts a file (an import), as is, with its content type. */
    public Response postFile(String path, String contentType, byte[] file) {
        return send("POST", path, file, contentType);
    }

    public Response send(String method, String path, Object body) {
        if (body == null) {
            return send(method, path, null, null);
        }
        try {
            return send(method, path, JSON.writeValueAsBytes(body), "application/json");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body of " + method + " " + path, e);
        }
    }

    private Response send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        Response last = null;
        boolean resent = false;
        for (int attempt = 1; attempt <= SERVER_ERROR_TRIES; attempt++) {
            try {
                last = exchange(method, path, built);
            } catch (ServiceUnreachableException e) {
                // A kept-alive connection the server had just closed fails with no answer at all; an
                // idempotent request is sent once more (on a new connection), any other is not.
                if (resent || !IDEMPOTENT.contains(method) || !(e.getCause() instanceof IOException)
                        || e.getCause() instanceof ConnectException || e.getCause() instanceof HttpTimeoutException) {
                    throw e;
                }
                resent = true;
                attempt--;
                continue;
            }
            if (last.status() < 500) {
                return last;
            }
            sleep(250L << attempt);
        }
        throw new ServiceUnreachableException(method + " " + baseUrl + path + " kept failing: " + last.problem(), null);
    }

    private Response exchange(String method, String path, HttpRequest request) {
        calls.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServiceUnreachableException("cannot connect to " + baseUrl + " (" + method + " " + path + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (HttpTimeoutException e) {
            throw new ServiceUnreachableException("no answer from " + baseUrl + " within " + timeout.toSeconds() + " s ("
                    + method + " " + path + ")", e);
        } catch (IOException e) {
            throw new ServiceUnreachableException("talking to " + baseUrl + " failed (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException("interrupted", e);
        }
        String text = response.body() == null ? "" : response.body();
        JsonNode node = MissingNode.getInstance();
        if (!text.isBlank()) {
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                node = MissingNode.getInstance();
            }
        }
        return new Response(response.statusCode(), node, text);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException("interrupted", e);
        }
    }
}
