package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;

/**
 * The write load of the fault-injection suite: organisations, posts, incumbents, vacancies,
 * applications, candidates, fit-and-proper checks, readiness, nominations and withdrawals, chosen by
 * a seeded random, through the public APIs. It keeps a model of what every accepted (2xx) write did
 * and of nothing else, so that afterwards the sources' exports can be checked against it: every
 * accepted write reflected, no rejected one. Some writes are refused on purpose (a date in the
 * future) and some by the state (a nomination for a post candidate-service does not know yet).
 */
final class FaultLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("LONDON", "SOUTH_EAST", "MIDLANDS", "NORTH_WEST");
    private static final List<String> TYPES = List.of("ACUTE", "MENTAL_HEALTH", "COMMUNITY");
    private static final List<String> ROLES = List.of("CHIEF_EXECUTIVE", "CHAIR");
    private static final List<String> LEVELS = List.of("READY_NOW", "READY_NOW", "READY_1_2_YEARS", "READY_3_PLUS", "NOT_READY");

    private final String vacancyUrl;
    private final String candidateUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String day = LocalDate.now().minusDays(1).toString();
    private final String prefix;
    private Random random;

    final Map<String, Org> orgs = new LinkedHashMap<>();
    final Map<UUID, Post> posts = new LinkedHashMap<>();
    final Map<UUID, Vacancy> vacancies = new LinkedHashMap<>();
    final Map<UUID, Candidate> candidates = new LinkedHashMap<>();
    int accepted;
    int rejected;
    int failed;

    static final class Org { String ods; String region; String type; int segment; int writes; }
    static final class Post { UUID id; String ods; String role; UUID incumbent; boolean held; UUID activeVacancy; int writes; }
    static final class Vacancy { UUID id; UUID postId; String status = "DRAFT"; Set<UUID> applicants = new HashSet<>(); int writes; }
    static final class Candidate {
        UUID id; String status = "ACTIVE"; String fit = "PENDING"; String fitOn;
        Map<String, String> readiness = new HashMap<>(); Map<UUID, String> nominations = new HashMap<>(); int writes;
    }

    FaultLoad(String vacancyUrl, String candidateUrl, String token, String prefix) {
        this.vacancyUrl = vacancyUrl;
        this.candidateUrl = candidateUrl;
        this.token = token;
        this.prefix = prefix;
    }

    /** Starts a scenario's stream of writes with its own seed. */
    void reseed(long seed) {
        random = new Random(seed);
    }

    /** One write, chosen at random among those the current state allows to be meaningful. */
    void step() throws InterruptedException {
        int choice = random.nextInt(100);
        if (orgs.size() < 8 || choice < 3) {
            createOrganisation();
        } else if (candidates.size() < 30 || choice < 15) {
            createCandidate();
        } else if (choice < 20) {
            updateOrganisation();
        } else if (choice < 32) {
            fitAndProper();
        } else if (choice < 55) {
            readiness();
        } else if (choice < 68) {
            nominate();
        } else if (choice < 72) {
            withdrawNomination();
        } else if (choice < 74) {
            withdrawCandidate();
        } else if (choice < 79) {
            incumbent();
        } else if (choice < 85) {
            vacancy();
        } else if (choice < 94) {
            apply();
        } else {
            refusedOnPurpose();
        }
    }

    private void createOrganisation() throws InterruptedException {
        Org o = new Org();
        o.ods = prefix + Integer.toString(orgs.size(), 36).toUpperCase();
        o.region = pick(REGIONS);
        o.type = pick(TYPES);
        o.segment = 1 + random.nextInt(5);
        if (ok(send(vacancyUrl, "POST", "/api/v1/organisations", orgBody(o)))) {
            o.writes++;
            orgs.put(o.ods, o);
            for (String role : ROLES) {
                JsonNode created = sendForBody(vacancyUrl, "POST", "/api/v1/posts", Map.of("odsCode", o.ods, "role", role));
                if (created != null) {
                    Post p = new Post();
                    p.id = UUID.fromString(created.get("postId").asText());
                    p.ods = o.ods;
                    p.role = role;
                    p.writes++;
                    posts.put(p.id, p);
                }
            }
        }
    }

    private void updateOrganisation() throws InterruptedException {
        Org o = pick(new ArrayList<>(orgs.values()));
        String region = random.nextInt(4) == 0 ? pick(REGIONS) : o.region;
        int segment = 1 + random.nextInt(5);
        Org next = new Org();
        next.ods = o.ods;
        next.region = region;
        next.type = o.type;
        next.segment = segment;
        if (ok(send(vacancyUrl, "PUT", "/api/v1/organisations/" + o.ods, orgBody(next)))) {
            o.region = region;
            o.segment = segment;
            o.writes++;
        }
    }

    private Map<String, Object> orgBody(Org o) {
        return Map.of("odsCode", o.ods, "name", "Fault Trust " + o.ods, "region", o.region, "organisationType", o.type,
                "foundationTrust", true, "integratedCareBoardCode", "QWE", "oversightSegment", o.segment);
    }

    private void createCandidate() throws InterruptedException {
        List<String> regions = List.of(pick(REGIONS), pick(REGIONS)).stream().distinct().toList();
        List<String> types = List.of(pick(TYPES), pick(TYPES)).stream().distinct().toList();
        Map<String, Object> body = Map.of("name", "Fault Person " + candidates.size(),
                "email", "fault." + UUID.randomUUID() + "@example.invalid",
                "mobility", Map.of("regions", regions, "organisationTypes", types, "considersChallengedOrganisations", random.nextBoolean()));
        JsonNode created = sendForBody(candidateUrl, "POST", "/api/v1/candidates", body);
        if (created != null) {
            Candidate c = new Candidate();
            c.id = UUID.fromString(created.get("candidateId").asText());
            c.writes++;
            candidates.put(c.id, c);
        }
    }

    private void fitAndProper() throws InterruptedException {
        Candidate c = candidate();
        String status = random.nextInt(6) == 0 ? "FAILED" : "PASSED";
        if (ok(send(candidateUrl, "PUT", "/api/v1/candidates/" + c.id + "/fit-and-proper", Map.of("status", status, "checkedOn", day)))) {
            c.fit = status;
            c.fitOn = day;
            c.writes++;
        }
    }

    private void readiness() throws InterruptedException {
        Candidate c = candidate();
        String role = pick(ROLES);
        String level = pick(LEVELS);
        if (ok(send(candidateUrl, "PUT", "/api/v1/candidates/" + c.id + "/readiness",
                Map.of("role", role, "level", level, "assessedOn", day, "assessedBy", "fault board")))) {
            c.readiness.put(role, level);
            c.writes++;
        }
    }

    private void nominate() throws InterruptedException {
        Candidate c = candidate();
        Post p = pick(new ArrayList<>(posts.values()));
        String level = pick(LEVELS);
        if (ok(send(candidateUrl, "POST", "/api/v1/candidates/" + c.id + "/nominations", Map.of("postId", p.id.toString(), "readiness", level)))) {
            c.nominations.put(p.id, level);
            c.writes++;
        }
    }

    private void withdrawNomination() throws InterruptedException {
        Candidate c = candidate();
        if (c.nominations.isEmpty()) {
            return;
        }
        UUID postId = pick(new ArrayList<>(c.nominations.keySet()));
        if (ok(send(candidateUrl, "DELETE", "/api/v1/candidates/" + c.id + "/nominations/" + postId, null))) {
            c.nominations.remove(postId);
            c.writes++;
        }
    }

    private void withdrawCandidate() throws InterruptedException {
        Candidate c = candidate();
        if (ok(send(candidateUrl, "POST", "/api/v1/candidates/" + c.id + "/withdrawal", null))) {
            c.status = "WITHDRAWN";
            c.writes++;
        }
    }

    private void incumbent() throws InterruptedException {
        Post p = pick(new ArrayList<>(posts.values()));
        Candidate c = candidate();
        Map<String, Object> body = new HashMap<>(Map.of("candidateId", c.id.toString(), "since", day, "interim", false));
        if (p.held) {
            body.put("previousLeftBecause", "RESIGNED");
        }
        if (ok(send(vacancyUrl, "PUT", "/api/v1/posts/" + p.id + "/incumbent", body))) {
            p.incumbent = c.id;
            p.held = true;
            p.writes++;
        }
    }

    private void vacancy() throws InterruptedException {
        Post p = pick(new ArrayList<>(posts.values()));
        if (p.activeVacancy == null) {
            JsonNode created = sendForBody(vacancyUrl, "POST", "/api/v1/vacancies", Map.of("postId", p.id.toString()));
            if (created != null) {
                Vacancy v = new Vacancy();
                v.id = UUID.fromString(created.get("vacancyId").asText());
                v.postId = p.id;
                v.writes++;
                vacancies.put(v.id, v);
                p.activeVacancy = v.id;
            }
        } else {
            Vacancy v = vacancies.get(p.activeVacancy);
            String target = v.status.equals("DRAFT") ? "OPEN" : "WITHDRAWN";
            Map<String, Object> body = new HashMap<>(Map.of("status", target));
            if (target.equals("OPEN")) {
                body.put("closingDate", LocalDate.now().plusDays(30).toString());
            }
            if (ok(send(vacancyUrl, "POST", "/api/v1/vacancies/" + v.id + "/status", body))) {
                v.status = target;
                v.writes++;
                if (target.equals("WITHDRAWN")) {
                    p.activeVacancy = null;
                }
            }
        }
    }

    private void apply() throws InterruptedException {
        List<Vacancy> open = vacancies.values().stream().filter(v -> v.status.equals("OPEN")).toList();
        if (open.isEmpty()) {
            vacancy();
            return;
        }
        Vacancy v = pick(open);
        Candidate c = candidate();
        if (ok(send(vacancyUrl, "POST", "/api/v1/vacancies/" + v.id + "/applications", Map.of("candidateId", c.id.toString())))) {
            v.applicants.add(c.id);
            v.writes++;
        }
    }

    /** A readiness assessment dated tomorrow: must be refused and leave no trace. */
    private void refusedOnPurpose() throws InterruptedException {
        Candidate c = candidate();
        int status = send(candidateUrl, "PUT", "/api/v1/candidates/" + c.id + "/readiness", Map.of("role", "CHIEF_EXECUTIVE",
                "level", "READY_NOW", "assessedOn", LocalDate.now().plusDays(2).toString(), "assessedBy", "fault board"));
        if (ok(status)) {
            throw new AssertionError("an assessment dated in the future was accepted");
        }
    }

    // ---- checking the sources against the model ------------------------------------------------

    /** Compares the exports with the model; returns the mismatches and adds up the accepted writes that are reflected. */
    List<String> check(JsonNode vacancyExport, JsonNode candidateExport, int[] reflected) {
        List<String> mismatches = new ArrayList<>();
        Map<String, JsonNode> orgNodes = index(vacancyExport.get("organisations"), "odsCode");
        Map<String, JsonNode> postNodes = index(vacancyExport.get("posts"), "postId");
        Map<String, JsonNode> vacancyNodes = index(vacancyExport.get("vacancies"), "vacancyId");
        Map<String, JsonNode> candidateNodes = index(candidateExport.get("candidates"), "candidateId");
        for (Org o : orgs.values()) {
            JsonNode n = orgNodes.get(o.ods);
            String got = n == null ? null : n.get("region").asText() + "/" + n.get("oversightSegment").asInt();
            tally(mismatches, reflected, "organisation " + o.ods, o.region + "/" + o.segment, got, o.writes);
        }
        for (Post p : posts.values()) {
            JsonNode n = postNodes.get(p.id.toString());
            String got = n == null ? null : n.get("incumbent") == null || n.get("incumbent").isNull() ? "vacant"
                    : n.get("incumbent").get("candidateId").asText();
            tally(mismatches, reflected, "post " + p.id, p.incumbent == null ? "vacant" : p.incumbent.toString(), got, p.writes);
        }
        for (Vacancy v : vacancies.values()) {
            JsonNode n = vacancyNodes.get(v.id.toString());
            String got = n == null ? null : n.get("status").asText() + "/" + n.get("liveApplications").asInt();
            tally(mismatches, reflected, "vacancy " + v.id, v.status + "/" + v.applicants.size(), got, v.writes);
        }
        for (Candidate c : candidates.values()) {
            JsonNode n = candidateNodes.get(c.id.toString());
            tally(mismatches, reflected, "candidate " + c.id, describe(c), n == null ? null : describe(n), c.writes);
        }
        return mismatches;
    }

    private static void tally(List<String> mismatches, int[] reflected, String what, String expected, String actual, int writes) {
        if (Objects.equals(expected, actual)) {
            reflected[0] += writes;
        } else {
            mismatches.add(what + ": expected " + expected + ", found " + actual);
        }
    }

    private static String describe(Candidate c) {
        Map<String, String> nominations = new java.util.TreeMap<>();
        c.nominations.forEach((k, v) -> nominations.put(k.toString(), v));
        return c.status + " fit=" + c.fit + "@" + c.fitOn + " readiness=" + new java.util.TreeMap<>(c.readiness) + " nominations=" + nominations;
    }

    private static String describe(JsonNode n) {
        Map<String, String> readiness = new java.util.TreeMap<>();
        n.get("readiness").forEach(r -> readiness.put(r.get("role").asText(), r.get("level").asText()));
        Map<String, String> nominations = new java.util.TreeMap<>();
        n.get("nominations").forEach(r -> nominations.put(r.get("postId").asText(), r.get("readiness").asText()));
        JsonNode fit = n.get("fitAndProper");
        String fitOn = fit.get("checkedOn") == null || fit.get("checkedOn").isNull() ? "null" : fit.get("checkedOn").asText();
        return n.get("status").asText() + " fit=" + fit.get("status").asText() + "@" + fitOn + " readiness=" + readiness + " nominations=" + nominations;
    }

    private static Map<String, JsonNode> index(JsonNode array, String key) {
        Map<String, JsonNode> out = new HashMap<>();
        array.forEach(n -> out.put(n.get(key).asText(), n));
        return out;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private Candidate candidate() {
        return pick(new ArrayList<>(candidates.values()));
    }

    private boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private int send(String base, String method, String path, Object body) throws InterruptedException {
        HttpResponse<String> response = exchange(base, method, path, body);
        return response == null ? -1 : response.statusCode();
    }

    private JsonNode sendForBody(String base, String method, String path, Object body) throws InterruptedException {
        HttpResponse<String> response = exchange(base, method, path, body);
        if (response == null || response.statusCode() / 100 != 2) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("unreadable answer to " + method + " " + path + ": " + response.body(), e);
        }
    }

    /** Sends one write and counts it: accepted (2xx), rejected (4xx) or failed (5xx, no answer; none expected here). */
    private HttpResponse<String> exchange(String base, String method, String path, Object body) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                accepted++;
            } else if (response.statusCode() / 100 == 4) {
                rejected++;
            } else {
                failed++;
                System.out.println("FAULTS: " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            failed++;
            System.out.println("FAULTS: " + method + " " + path + " failed: " + e);
            return null;
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
