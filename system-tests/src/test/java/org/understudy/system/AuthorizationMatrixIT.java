package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, on the real processes: every endpoint that a service's OpenAPI
 * document lists, called with no token, an expired one, one with a wrong signature, one from a
 * wrong issuer, and a valid token of each role. The expected table is below; an endpoint missing
 * from it (or listed but gone) fails the test, so a new endpoint cannot be forgotten.
 *
 * <p>{@code ok} means the request got past authentication and authorization: the answer is neither
 * 401 nor 403, nor a server error (with placeholder ids and empty bodies it is mostly 200, 400 or 404).
 * The {@code hr} token here lists no organisation; writes scoped to organisations are tested in
 * vacancy-service's OrganisationScopeTest.
 */
class AuthorizationMatrixIT {
    private static final List<String> COLUMNS = List.of("none", "expired", "badsig", "badiss", "hr", "talent", "regulator", "viewer", "admin");

    private static final String EXPECTED = """
            service     method endpoint                                                 none expired badsig badiss | hr  talent regulator viewer admin
            vacancy     GET    /api/v1/export                                           401  401     401    401    | 403 403    403       403    ok
            vacancy     GET    /api/v1/organisations                                    401  401     401    401    | ok  ok     ok        403    ok
            vacancy     POST   /api/v1/organisations                                    401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/organisations/{odsCode}                          401  401     401    401    | ok  ok     ok        403    ok
            vacancy     PUT    /api/v1/organisations/{odsCode}                          401  401     401    401    | ok  403    403       403    ok
            vacancy     PUT    /api/v1/organisations/{odsCode}/oversight-segment        401  401     401    401    | 403 403    ok        403    ok
            vacancy     GET    /api/v1/posts                                            401  401     401    401    | ok  ok     ok        403    ok
            vacancy     POST   /api/v1/posts                                            401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/posts/{postId}                                   401  401     401    401    | ok  ok     ok        403    ok
            vacancy     PUT    /api/v1/posts/{postId}/incumbent                         401  401     401    401    | ok  403    403       403    ok
            vacancy     POST   /api/v1/posts/{postId}/incumbent/departure               401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/posts/{postId}/incumbents                        401  401     401    401    | ok  ok     ok        403    ok
            vacancy     PUT    /api/v1/posts/{postId}/interim-cover                     401  401     401    401    | ok  403    403       403    ok
            vacancy     DELETE /api/v1/posts/{postId}/interim-cover                     401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/vacancies                                        401  401     401    401    | ok  ok     ok        403    ok
            vacancy     POST   /api/v1/vacancies                                        401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/vacancies/{id}                                   401  401     401    401    | ok  ok     ok        403    ok
            vacancy     POST   /api/v1/vacancies/{id}/status                            401  401     401    401    | ok  403    403       403    ok
            vacancy     POST   /api/v1/vacancies/{id}/close                             401  401     401    401    | ok  403    403       403    ok
            vacancy     POST   /api/v1/vacancies/{id}/applications                      401  401     401    401    | ok  403    403       403    ok
            vacancy     DELETE /api/v1/vacancies/{id}/applications/{applicationId}      401  401     401    401    | ok  403    403       403    ok
            vacancy     PUT    /api/v1/vacancies/{id}/shortlist                         401  401     401    401    | ok  403    403       403    ok
            vacancy     POST   /api/v1/vacancies/{id}/appointment                       401  401     401    401    | ok  403    403       403    ok
            vacancy     POST   /api/v1/imports/{kind}                                   401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/imports/{kind}/keys/{key}                        401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/imports/{kind}/{jobId}                           401  401     401    401    | ok  403    403       403    ok
            vacancy     GET    /api/v1/audit/changes                                    401  401     401    401    | 403 403    ok        403    ok
            candidate   GET    /api/v1/candidates                                       401  401     401    401    | 403 ok     403       403    ok
            candidate   POST   /api/v1/candidates                                       401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/candidates/{candidateId}                         401  401     401    401    | 403 ok     403       403    ok
            candidate   PATCH  /api/v1/candidates/{candidateId}                         401  401     401    401    | 403 ok     403       403    ok
            candidate   DELETE /api/v1/candidates/{candidateId}                         401  401     401    401    | 403 ok     403       403    ok
            candidate   POST   /api/v1/candidates/{candidateId}/withdrawal              401  401     401    401    | 403 ok     403       403    ok
            candidate   PUT    /api/v1/candidates/{candidateId}/readiness               401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/candidates/{candidateId}/readiness/history       401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/candidates/{candidateId}/fit-and-proper          401  401     401    401    | 403 ok     403       403    ok
            candidate   PUT    /api/v1/candidates/{candidateId}/fit-and-proper          401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/candidates/{candidateId}/nominations             401  401     401    401    | 403 ok     403       403    ok
            candidate   POST   /api/v1/candidates/{candidateId}/nominations             401  401     401    401    | 403 ok     403       403    ok
            candidate   DELETE /api/v1/candidates/{candidateId}/nominations/{postId}    401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/candidates/{candidateId}/exits                   401  401     401    401    | 403 ok     403       403    ok
            candidate   POST   /api/v1/candidates/{candidateId}/exits                   401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/audit/personal-data-reads                        401  401     401    401    | 403 403    403       403    ok
            candidate   GET    /api/v1/export/candidates                                401  401     401    401    | 403 403    403       403    ok
            candidate   POST   /api/v1/imports/{kind}                                   401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/imports/{kind}/keys/{key}                        401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/imports/{kind}/{jobId}                           401  401     401    401    | 403 ok     403       403    ok
            candidate   GET    /api/v1/successor-lists/{postId}                         401  401     401    401    | ok  ok     ok        403    ok
            succession  GET    /api/v1/succession/posts                                 401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/posts/{postId}                        401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/posts/{postId}/history                401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/posts/{postId}/effective-history      401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/posts/{postId}/dismissal-readiness    401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/posts/{postId}/knock-on               401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/posts/{postId}/successors             401  401     401    401    | ok  ok     ok        403    ok
            succession  GET    /api/v1/succession/appointments-after-dismissal          401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/summary                               401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/capacity                              401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/stream                                401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/assessments                           401  401     401    401    | 403 403    ok        403    ok
            succession  POST   /api/v1/succession/assessments                           401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/assessments/{assessmentId}            401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/assessments/verification              401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/alerts                                401  401     401    401    | 403 403    ok        ok     ok
            succession  GET    /api/v1/succession/subscriptions                         401  401     401    401    | 403 403    ok        403    ok
            succession  POST   /api/v1/succession/subscriptions                         401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/subscriptions/{subscriptionId}        401  401     401    401    | 403 403    ok        403    ok
            succession  DELETE /api/v1/succession/subscriptions/{subscriptionId}        401  401     401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/subscriptions/{subscriptionId}/deliveries 401 401  401    401    | 403 403    ok        403    ok
            succession  GET    /api/v1/succession/rebuild                               401  401     401    401    | 403 403    403       403    ok
            succession  POST   /api/v1/succession/rebuild                               401  401     401    401    | 403 403    403       403    ok
            succession  GET    /api/v1/succession/reconciliation                        401  401     401    401    | 403 403    403       403    ok
            vacancy     GET    /asyncapi/asyncapi.yaml                                  ok   ok      ok     ok     | ok  ok     ok        ok     ok
            vacancy     GET    /asyncapi/schemas/{file}                                 ok   ok      ok     ok     | ok  ok     ok        ok     ok
            candidate   GET    /asyncapi/asyncapi.yaml                                  ok   ok      ok     ok     | ok  ok     ok        ok     ok
            candidate   GET    /asyncapi/schemas/{file}                                 ok   ok      ok     ok     | ok  ok     ok        ok     ok
            succession  GET    /asyncapi/asyncapi.yaml                                  ok   ok      ok     ok     | ok  ok     ok        ok     ok
            succession  GET    /asyncapi/schemas/{file}                                 ok   ok      ok     ok     | ok  ok     ok        ok     ok
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Stack stack;
    // HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade once lost a connection mid-matrix (EOF), which
    // says nothing about authorization; browsers and the services' other clients use HTTP/1.1 here too.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    record Endpoint(String service, String method, String path, String contentType) {
        String key() {
            return service + " " + method + " " + path;
        }
    }

    @Test
    void everyEndpointAnswersEachKindOfCallerAsTheTableSays() throws Exception {
        Map<String, List<String>> expected = parse(EXPECTED);
        Map<String, Endpoint> documented = new LinkedHashMap<>();
        for (ServiceProcess service : stack.services()) {
            for (Endpoint endpoint : endpointsOf(service)) {
                documented.put(endpoint.key(), endpoint);
            }
        }
        Set<String> undocumented = new TreeSet<>(expected.keySet());
        undocumented.removeAll(documented.keySet());
        Set<String> missingFromTable = new TreeSet<>(documented.keySet());
        missingFromTable.removeAll(expected.keySet());
        assertTrue(missingFromTable.isEmpty(), "endpoints with no row in the expected table (add one): " + missingFromTable);
        assertTrue(undocumented.isEmpty(), "rows for endpoints that no OpenAPI document lists: " + undocumented);

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("expired", TestTokens.expired("admin"));
        tokens.put("badsig", TestTokens.wrongSignature("admin"));
        tokens.put("badiss", TestTokens.wrongIssuer("admin"));
        for (String role : List.of("hr", "talent", "regulator", "viewer", "admin")) {
            tokens.put(role, TestTokens.mint(role));
        }

        List<String> wrong = new ArrayList<>();
        StringBuilder actualTable = new StringBuilder();
        for (Endpoint endpoint : documented.values()) {
            List<String> cells = expected.get(endpoint.key());
            actualTable.append(String.format("%-10s %-6s %-56s", endpoint.service(), endpoint.method(), endpoint.path()));
            for (int i = 0; i < COLUMNS.size(); i++) {
                String column = COLUMNS.get(i);
                int status = call(endpoint, tokens.get(column));
                String got = status == 401 || status == 403 ? Integer.toString(status) : status >= 500 ? "5xx(" + status + ")" : "ok";
                actualTable.append(' ').append(String.format("%-7s", got));
                if (!got.equals(cells.get(i))) {
                    wrong.add(endpoint.key() + " with " + column + ": expected " + cells.get(i) + ", got " + status);
                }
            }
            actualTable.append('\n');
        }
        System.out.println("AUTHORIZATION MATRIX (" + documented.size() + " endpoints x " + COLUMNS.size() + " callers)\n" + actualTable);
        awaitNoRebuildRunning();
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    }

    @Test
    void healthMetricsAndOpenApiStayOpenAndErrorsAreProblems() throws Exception {
        for (ServiceProcess service : stack.services()) {
            for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), service.name() + " " + path);
            }
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/"
                    + (service.name().startsWith("succession") ? "succession/summary" : service.name().startsWith("vacancy") ? "posts" : "candidates")))
                    .header("Authorization", "Bearer " + TestTokens.expired("admin")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(""));
            assertTrue(refused.body().contains("\"field\":\"Authorization\""), refused.body());
            assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(""));

            // A page from another origin may not call the API from a browser (no origins are configured).
            HttpResponse<String> crossOrigin = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                    .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, crossOrigin.statusCode(), service.name() + " cross-origin request");
            assertTrue(crossOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.succession.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"), page.headers().map().toString());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    }

    private int call(Endpoint endpoint, String token) throws Exception {
        ServiceProcess service = switch (endpoint.service()) {
            case "vacancy" -> stack.vacancy;
            case "candidate" -> stack.candidate;
            default -> stack.succession;
        };
        String path = endpoint.path()
                .replace("{odsCode}", "ZZ9")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType()).method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        // Only the status is wanted: the body is not read (the stream endpoint never ends).
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private List<Endpoint> endpointsOf(ServiceProcess service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        String shortName = service.name().replace("-service", "");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                String contentType = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                endpoints.add(new Endpoint(shortName, method, path.getKey(), contentType));
            }
        }
        return endpoints;
    }

    private static Map<String, List<String>> parse(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.replace("|", " ").trim().split("\\s+");
            if (parts[0].equals("service")) {
                assertEquals(COLUMNS, List.of(parts).subList(3, parts.length), "the table's columns");
                continue;
            }
            String key = parts[0] + " " + parts[1] + " " + parts[2];
            assertTrue(seen.add(key), "row twice: " + key);
            rows.put(key, List.of(parts).subList(3, parts.length));
            assertEquals(COLUMNS.size(), rows.get(key).size(), "cells in row " + key);
        }
        return rows;
    }

    /** The admin cell of POST /rebuild starts a real rebuild: let it finish before other tests go on. */
    private void awaitNoRebuildRunning() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> progress = http.send(HttpRequest.newBuilder(URI.create(stack.succession.baseUrl() + "/api/v1/succession/rebuild"))
                    .header("Authorization", "Bearer " + TestTokens.mint("admin")).build(), HttpResponse.BodyHandlers.ofString());
            return progress.statusCode() == 200 && !progress.body().contains("\"RUNNING\"") && !progress.body().contains("\"running\":true");
        });
    }
}
