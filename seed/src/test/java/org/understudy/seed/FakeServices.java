package org.understudy.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for vacancy-service and candidate-service in unit tests of the client logic only: an
 * in-memory imitation of the endpoints the seed commands call, with their status codes (201, 409
 * for duplicates, 404 for unknown posts, 400 for a bad ODS code). It is not the services: the real
 * behaviour is tested against the real stack.
 */
final class FakeServices implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ODS = Pattern.compile("^[A-Z0-9]{3,5}$");

    final Map<String, ObjectNode> organisations = new TreeMap<>();
    final Map<UUID, ObjectNode> posts = new LinkedHashMap<>();
    final Map<UUID, ObjectNode> candidates = new LinkedHashMap<>();
    final Map<UUID, ObjectNode> vacancies = new LinkedHashMap<>();
    private final Map<String, ObjectNode> vacancyKeys = new HashMap<>();
    private final Map<String, ObjectNode> jobs = new HashMap<>();
    private final Map<String, UUID> importedKeys = new HashMap<>();
    /** Every row imported, by kind, in the order they came. */
    final Map<String, List<JsonNode>> imported = new TreeMap<>();
    /** Every request, "METHOD path" then the body, in order. */
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /**
     * The first few posts named in a nomination or exit are refused once (404 naming postId), as
     * candidate-service does while the post's event is still in flight.
     */
    private static final int POSTS_IN_FLIGHT = 3;
    private final Set<String> knownPosts = new HashSet<>();
    private final HttpServer server;

    static {
        // Without it the JDK's server sends each response in two segments and Nagle's algorithm holds
        // the second until the client's delayed acknowledgement: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    long writes() {
        return calls.stream().filter(c -> !c.startsWith("GET ")).count();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] in = exchange.getRequestBody().readAllBytes();
        boolean file = path.startsWith("/api/v1/imports/");
        JsonNode body = in.length == 0 || file ? JSON.createObjectNode() : JSON.readTree(in);
        calls.add(method + " " + path + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                + (in.length == 0 ? "" : " " + new String(in, StandardCharsets.UTF_8)));
        Answer answer;
        try {
            answer = file ? imports(method, path, new String(in, StandardCharsets.UTF_8)) : route(method, path, query, body);
        } catch (RuntimeException e) {
            answer = problem(500, null, e.toString());
        }
        byte[] out = answer.body == null ? new byte[0] : JSON.writeValueAsBytes(answer.body);
        exchange.getResponseHeaders().add("Content-Type", answer.status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /**
     * Imports (NDJSON), done at once: the job is COMPLETED when submitted. A key imported before is
     * unchanged; candidates become candidates (their ids asked by key), vacancies and applications
     * vacancies; every kind's rows are kept in {@link #imported}. A row naming a post not yet known is
     * refused (field postId) the first time, as candidate-service does while the post's event is in flight.
     */
    private Answer imports(String method, String path, String text) throws IOException {
        Matcher key = match("/api/v1/imports/([^/]+)/keys/([^/]+)", path);
        if (key != null) {
            UUID id = importedKeys.get(key.group(1) + "/" + key.group(2));
            return id == null ? problem(404, "key", "never imported")
                    : new Answer(200, JSON.createObjectNode().put("kind", key.group(1)).put("key", key.group(2)).put("id", id.toString()));
        }
        Matcher m = match("/api/v1/imports/([^/]+)(/([^/]+))?", path);
        if (m == null) {
            return problem(404, null, "no route " + method + " " + path);
        }
        if (method.equals("GET")) {
            return new Answer(200, jobs.get(m.group(3)));
        }
        String kind = m.group(1);
        int created = 0;
        int unchanged = 0;
        ArrayNode problems = JSON.createArrayNode();
        int line = 0;
        for (String text1 : text.split("\n")) {
            line++;
            if (text1.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(text1);
            String rowKey = kind + "/" + row.path("key").asText();
            if (importedKeys.containsKey(rowKey)) {
                unchanged++;
                continue;
            }
            String postId = row.path("postId").asText(null);
            if (postId != null && (kind.equals("nominations") || kind.equals("career-exits")) && knownPosts.add(postId)
                    && knownPosts.size() <= POSTS_IN_FLIGHT) {
                problems.addObject().put("line", line).put("key", row.path("key").asText()).put("field", "postId")
                        .put("reason", "no post with id " + postId + " is known (from vacancy-events)");
                continue;
            }
            UUID id = UUID.randomUUID();
            if (kind.equals("vacancies")) {
                ObjectNode v = ((ObjectNode) row).deepCopy();
                v.putArray("applications");
                vacancies.put(id, v);
                vacancyKeys.put(row.path("key").asText(), v);
            } else if (kind.equals("applications")) {
                ((ArrayNode) vacancyKeys.get(row.path("vacancyKey").asText()).get("applications")).add(row);
            } else if (kind.equals("candidates")) {
                candidates.put(id, ((ObjectNode) row).deepCopy().put("candidateId", id.toString()));
            }
            importedKeys.put(rowKey, id);
            imported.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
            created++;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode job = JSON.createObjectNode().put("id", id).put("kind", kind).put("status", "COMPLETED")
                .put("created", created).put("unchanged", unchanged).put("rejected", problems.size());
        job.set("problems", problems);
        jobs.put(id, job);
        return new Answer(202, job);
    }

    private Answer route(String method, String path, Map<String, String> query, JsonNode body) {
        Matcher m;
        if (path.equals("/api/v1/organisations")) {
            if (method.equals("GET")) {
                return page(new ArrayList<>(organisations.values()), query);
            }
            String code = body.path("odsCode").asText();
            if (!ODS.matcher(code).matches()) {
                return problem(400, "odsCode", "odsCode: must be 3 to 5 capital letters or digits (an ODS code)");
            }
            if (organisations.containsKey(code)) {
                return problem(409, "odsCode", "an organisation with ODS code " + code + " already exists");
            }
            ObjectNode o = ((ObjectNode) body).deepCopy();
            organisations.put(code, o);
            return new Answer(201, o);
        }
        if ((m = match("/api/v1/organisations/([^/]+)/oversight-segment", path)) != null && method.equals("PUT")) {
            ObjectNode o = organisations.get(m.group(1));
            if (o == null) {
                return problem(404, "odsCode", "no organisation");
            }
            o.set("oversightSegment", body.get("segment"));
            return new Answer(200, o);
        }
        if ((m = match("/api/v1/organisations/([^/]+)", path)) != null && method.equals("PUT")) {
            ObjectNode o = organisations.get(m.group(1));
            if (o == null) {
                return problem(404, "odsCode", "no organisation");
            }
            o.setAll((ObjectNode) body);
            return new Answer(200, o);
        }
        if (path.equals("/api/v1/posts")) {
            if (method.equals("GET")) {
                String code = query.get("odsCode");
                return page(posts.values().stream().filter(p -> code == null || p.path("odsCode").asText().equals(code)).toList(), query);
            }
            String code = body.path("odsCode").asText();
            if (!organisations.containsKey(code)) {
                return problem(404, "odsCode", "no organisation with ODS code " + code);
            }
            if (posts.values().stream().anyMatch(p -> p.path("odsCode").asText().equals(code) && p.path("role").asText().equals(body.path("role").asText()))) {
                return problem(409, "role", "organisation " + code + " already has a " + body.path("role").asText() + " post");
            }
            UUID id = UUID.randomUUID();
            ObjectNode p = JSON.createObjectNode().put("postId", id.toString()).put("odsCode", code).put("role", body.path("role").asText());
            p.putNull("incumbent");
            posts.put(id, p);
            return new Answer(201, p);
        }
        if ((m = match("/api/v1/posts/([^/]+)/incumbent", path)) != null) {
            ObjectNode p = posts.get(UUID.fromString(m.group(1)));
            if (p == null) {
                return problem(404, "postId", "no post");
            }
            if (!p.path("incumbent").isNull() && body.path("previousLeftBecause").isMissingNode()) {
                return problem(400, "previousLeftBecause", "the post is held; say why they leave");
            }
            p.set("incumbent", body.deepCopy());
            return new Answer(200, p);
        }
        if ((m = match("/api/v1/posts/([^/]+)/incumbent/departure", path)) != null) {
            ObjectNode p = posts.get(UUID.fromString(m.group(1)));
            if (p.path("incumbent").isNull()) {
                return problem(409, "postId", "the post is already vacant");
            }
            p.putNull("incumbent");
            return new Answer(200, p);
        }
        if (path.equals("/api/v1/vacancies") && method.equals("POST")) {
            UUID id = UUID.randomUUID();
            ObjectNode v = JSON.createObjectNode().put("vacancyId", id.toString()).put("postId", body.path("postId").asText());
            v.putArray("applications");
            vacancies.put(id, v);
            return new Answer(201, v);
        }
        if ((m = match("/api/v1/vacancies/([^/]+)/applications", path)) != null) {
            ObjectNode v = vacancies.get(UUID.fromString(m.group(1)));
            ((ArrayNode) v.get("applications")).addObject().put("applicationId", UUID.randomUUID().toString())
                    .put("candidateId", body.path("candidateId").asText());
            return new Answer(201, v);
        }
        if ((m = match("/api/v1/vacancies/([^/]+)/(status|close|shortlist)", path)) != null) {
            return new Answer(200, vacancies.get(UUID.fromString(m.group(1))));
        }
        if (path.equals("/api/v1/candidates")) {
            if (method.equals("GET")) {
                return page(new ArrayList<>(candidates.values()), query);
            }
            String email = body.path("email").asText();
            if (candidates.values().stream().anyMatch(c -> c.path("email").asText().equals(email))) {
                return problem(409, "email", "already registered");
            }
            UUID id = UUID.randomUUID();
            ObjectNode c = ((ObjectNode) body).deepCopy().put("candidateId", id.toString());
            candidates.put(id, c);
            return new Answer(201, c);
        }
        if ((m = match("/api/v1/candidates/([^/]+)/(readiness|fit-and-proper)", path)) != null) {
            return new Answer(200, candidates.get(UUID.fromString(m.group(1))));
        }
        if ((m = match("/api/v1/candidates/([^/]+)/(exits|nominations)", path)) != null) {
            String postId = body.path("postId").asText(null);
            if (postId != null && knownPosts.add(postId) && knownPosts.size() <= POSTS_IN_FLIGHT) {
                return problem(404, "postId", "no post with id " + postId + " is known (from vacancy-events)");
            }
            return new Answer(201, JSON.createObjectNode());
        }
        return problem(404, null, "no route " + method + " " + path);
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile("^" + regex + "$").matcher(path);
        return m.matches() ? m : null;
    }

    private static Answer page(List<ObjectNode> all, Map<String, String> query) {
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        ObjectNode result = JSON.createObjectNode();
        ArrayNode items = result.putArray("items");
        all.stream().skip((long) page * size).limit(size).forEach(items::add);
        result.put("page", page).put("size", size).put("total", all.size());
        return new Answer(200, result);
    }

    private static Answer problem(int status, String field, String detail) {
        ObjectNode p = JSON.createObjectNode().put("title", "problem").put("status", status).put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        return new Answer(status, p);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    map.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }
}
