package org.understudy.succession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.infra.security.TestTokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts reach people: listed by the API, and POSTed to webhook subscribers on loopback, signed as the
 * Standard Webhooks specification says (checked with its reference library), retried while the
 * receiver is down (docs/integration.md, "Webhooks").
 */
@QuarkusTest
class AlertWebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUBSCRIPTIONS = "/api/v1/succession/subscriptions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    StoryEvents story;
    HttpServer receiver;

    @BeforeEach
    void open() {
        story = new StoryEvents(bootstrap);
    }

    @AfterEach
    void close() {
        story.close();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** A request as the receiver saw it. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.get(name).get(0);
        }

        JsonNode event() throws IOException {
            return JSON.readTree(body);
        }
    }

    @Test
    void aReceiverThatWasDownGetsEveryAlertSignedOnceItIsBack() throws Exception {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        int port = freePort();
        JsonPath created = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestTokens.mint("regulator"))
                .body(Map.of("url", "http://127.0.0.1:" + port + "/understudy", "description", "South East mental health trusts",
                        "region", "SOUTH_EAST", "organisationType", "MENTAL_HEALTH"))
                .post(SUBSCRIPTIONS).then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("region", equalTo("SOUTH_EAST"))
                .body("secret", startsWith("whsec_"))
                .extract().jsonPath();
        String subscription = created.getString("subscriptionId");
        String secret = created.getString("secret");
        String elsewhere = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + port + "/elsewhere", "region", "LONDON"))
                .post(SUBSCRIPTIONS).then().statusCode(201).extract().path("subscriptionId");

        // Two posts in the South East fall to NONE while the receiver is down.
        UUID first = postThatFalls(Region.SOUTH_EAST, OrganisationType.MENTAL_HEALTH);
        UUID second = postThatFalls(Region.SOUTH_EAST, OrganisationType.MENTAL_HEALTH);
        Set<String> ours = Set.of(first.toString(), second.toString());
        await().atMost(WAIT).untilAsserted(() -> {
            // Each post fell at least once (the second post's candidate, in the region's pool, briefly lifted the
            // first one again, so it may have fallen twice): every alert is queued.
            List<Map<String, Object>> lines = deliveriesOf(subscription, ours);
            assertEquals(ours, lines.stream().map(l -> l.get("postId")).collect(Collectors.toSet()), "queued: " + lines);
            for (Map<String, Object> line : lines) {
                assertEquals("PENDING", line.get("status"));
                assertTrue((Integer) line.get("attempts") >= 2, "tried again while the receiver is down: " + line);
                assertTrue(((String) line.get("lastError")).startsWith("ConnectException"), line.toString());
                assertNotNull(line.get("nextAttemptAt"));
            }
        });

        // The receiver comes back: both arrive, each signed.
        List<Received> received = receiveOn(port);
        await().atMost(WAIT).untilAsserted(() -> assertTrue(postsIn(received).containsAll(ours), "received: " + postsIn(received)));
        Webhook verifier = new Webhook(secret);
        for (Received r : received) {
            if (!ours.contains(r.event().path("data").path("state").path("postId").asText())) {
                continue; // another test's alert in the same region and type
            }
            verifier.verify(r.body(), r.headers());
            assertEquals(r.event().path("id").asText(), r.header("webhook-id"), "webhook-id is the alert's event id");
            assertEquals(SuccessionEventTypes.REPLACEABILITY_FELL, r.event().path("type").asText());
            assertEquals("NONE", r.event().path("data").path("state").path("to").asText());
            assertEquals("THIN", r.event().path("data").path("state").path("from").asText());
            assertEquals("/understudy", r.path());
            assertEquals("application/json", r.header("content-type"));
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (Map<String, Object> line : deliveriesOf(subscription, ours)) {
                assertEquals("DELIVERED", line.get("status"), line.toString());
                assertEquals(204, line.get("lastResponseStatus"));
                assertTrue((Integer) line.get("attempts") >= 3, line.toString());
                assertEquals(null, line.get("nextAttemptAt"));
            }
        });

        // A body changed on the way fails the receiver's check; so does another subscription's secret.
        Received one = received.stream().filter(r -> r.body().contains(first.toString())).findFirst().orElseThrow();
        String tampered = one.body().replace("\"NONE\"", "\"STRONG\"");
        assertTrue(!tampered.equals(one.body()));
        assertThrows(WebhookVerificationException.class, () -> verifier.verify(tampered, one.headers()));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])).verify(one.body(), one.headers()));

        // The London subscription matched neither.
        assertEquals(List.of(), deliveriesOf(elsewhere, ours));

        // The alerts list answers "what since ...", with the same filters.
        given().queryParam("since", since.toString()).queryParam("region", "SOUTH_EAST").queryParam("size", 500)
                .get("/api/v1/succession/alerts").then().statusCode(200)
                .body("items.data.state.postId", hasItems(first.toString(), second.toString()))
                .body("items.find { it.data.state.postId == '" + first + "' }.type", equalTo(SuccessionEventTypes.REPLACEABILITY_FELL));
        given().queryParam("since", since.toString()).queryParam("region", "LONDON").queryParam("size", 500)
                .get("/api/v1/succession/alerts").then().statusCode(200)
                .body("items.data.state.postId", not(hasItems(first.toString())));
        given().queryParam("since", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).toString())
                .get("/api/v1/succession/alerts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void subscriptionsAreTheRegulatorsAndNameAReceiverTheyCanReach() {
        Map<String, Object> good = Map.of("url", "https://alerts.example.nhs.uk/understudy");
        for (String role : List.of("hr", "viewer", "talent")) {
            given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.mint(role, "R0A")).body(good)
                    .post(SUBSCRIPTIONS).then().statusCode(403);
        }
        given().header("Authorization", "Bearer " + TestTokens.mint("viewer")).get("/api/v1/succession/alerts").then().statusCode(200);

        for (Map<String, Object> bad : List.of(Map.<String, Object>of("url", "ftp://alerts.example.nhs.uk/x"),
                Map.<String, Object>of("url", "https://user:pw@alerts.example.nhs.uk/x"),
                Map.<String, Object>of("url", "not a url"),
                Map.<String, Object>of("description", "no url"))) {
            given().contentType(ContentType.JSON).body(bad).post(SUBSCRIPTIONS).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("field", equalTo("url"));
        }
        given().contentType(ContentType.JSON).body(Map.of("url", "https://a.example/x", "oversightSegment", 7))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("field", equalTo("oversightSegment"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://a.example/x", "region", "ATLANTIS"))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("field", equalTo("region"));
        given().queryParam("since", "last monday").get("/api/v1/succession/alerts").then().statusCode(400).body("field", equalTo("since"));

        String id = given().contentType(ContentType.JSON).body(good).post(SUBSCRIPTIONS).then().statusCode(201).extract().path("subscriptionId");
        given().get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("url", equalTo("https://alerts.example.nhs.uk/understudy")).body("secret", nullValue());
        given().queryParam("size", 500).get(SUBSCRIPTIONS).then().statusCode(200)
                .body("items.find { it.subscriptionId == '" + id + "' }.secret", nullValue());
        given().get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("status", "LOST").get(SUBSCRIPTIONS + "/" + id + "/deliveries").then().statusCode(400).body("field", equalTo("status"));
        given().delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        given().get(SUBSCRIPTIONS + "/" + id).then().statusCode(404).body("field", equalTo("subscriptionId"));
        given().delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void anIntegratedCareBoardSeesItsOwnPostsAndAlertsOnly() throws Exception {
        String mine = code("Q");
        String other = code("Q");
        int port = freePort();
        List<Received> received = receiveOn(port);
        String subscription = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + port + "/icb", "integratedCareBoard", mine))
                .post(SUBSCRIPTIONS).then().statusCode(201).body("integratedCareBoard", equalTo(mine)).extract().path("subscriptionId");

        UUID ours = postThatFalls(Region.SOUTH_EAST, OrganisationType.COMMUNITY, mine);
        UUID theirs = postThatFalls(Region.SOUTH_EAST, OrganisationType.COMMUNITY, other);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + theirs).then().statusCode(200)
                .body("replaceability", equalTo("NONE")).body("integratedCareBoardCode", equalTo(other)));

        // The list, as JSON and CSV: exactly the board's post.
        given().queryParam("integratedCareBoard", mine).get("/api/v1/succession/posts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].postId", equalTo(ours.toString()))
                .body("items[0].integratedCareBoardCode", equalTo(mine));
        String csv = given().accept("text/csv").queryParam("integratedCareBoard", mine).get("/api/v1/succession/posts")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",integratedCareBoardCode"), csv);
        assertEquals(2, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith(ours + ",") && csv.strip().endsWith("," + mine), csv);
        given().queryParam("integratedCareBoard", "not an icb").get("/api/v1/succession/posts").then().statusCode(400)
                .body("field", equalTo("integratedCareBoard"));
        // Consequence capacity of the board: its one post, no one to fill it.
        given().queryParam("integratedCareBoard", mine).get("/api/v1/succession/capacity").then().statusCode(200)
                .body("integratedCareBoard", equalTo(mine)).body("posts", equalTo(1)).body("capacity", equalTo(0))
                .body("uncoveredPosts[0].postId", equalTo(ours.toString()));
        given().queryParam("integratedCareBoard", "q").get("/api/v1/succession/capacity").then().statusCode(400)
                .body("field", equalTo("integratedCareBoard"));
        // The summary, grouped by board: one post each, neither with anyone ready now.
        JsonPath summary = given().queryParam("groupBy", "integratedCareBoard").get("/api/v1/succession/summary").then().statusCode(200)
                .body("groupBy", equalTo("integratedCareBoard")).extract().jsonPath();
        for (String board : List.of(mine, other)) {
            assertEquals(1, summary.getInt("groups.find { it.group == '" + board + "' }.posts"), board);
            assertEquals(1, summary.getInt("groups.find { it.group == '" + board + "' }.postsWithNoReadyNow"), board);
        }

        // Alerts: listed and delivered for the board's post only.
        await().atMost(WAIT).untilAsserted(() -> assertEquals(Set.of(ours.toString()), postsIn(received)));
        given().queryParam("integratedCareBoard", mine).get("/api/v1/succession/alerts").then().statusCode(200)
                .body("items.data.state.postId", everyItem(equalTo(ours.toString())))
                .body("total", greaterThanOrEqualTo(1));
        given().queryParam("integratedCareBoard", other).get("/api/v1/succession/alerts").then().statusCode(200)
                .body("items.data.state.postId", everyItem(equalTo(theirs.toString())));
        assertEquals(Set.of(ours.toString()), given().get(SUBSCRIPTIONS + "/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items.postId", String.class).stream().collect(Collectors.toSet()));
    }

    /** Starts the receiver on loopback: it keeps every request and answers 204. */
    private List<Received> receiveOn(int port) throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), lowerCase(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return received;
    }

    private static String code(String first) {
        return first + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    private UUID postThatFalls(Region region, OrganisationType type) {
        return postThatFalls(region, type, null);
    }

    /** A new trust's chief executive post with one person ready now (THIN), who then withdraws (NONE: an alert). */
    private UUID postThatFalls(Region region, OrganisationType type, String icb) {
        String ods = code("W");
        UUID post = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        story.organisation(ods, "Story NHS Trust " + ods, region, type, 2, icb, today);
        story.post(post, ods, UUID.randomUUID(), today.minusYears(2), false, at);
        StoryEvents.Candidate ready = story.candidate(region, type, today).readyAsCeo(ReadinessLevel.READY_NOW, today);
        ready.publishAt(at.plusMinutes(1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + post).then().statusCode(200)
                .body("replaceability", equalTo("THIN")));
        ready.status = CandidateStatus.WITHDRAWN;
        ready.publishAt(at.plusMinutes(2));
        return post;
    }

    private static List<Map<String, Object>> deliveriesOf(String subscription, Set<String> posts) {
        List<Map<String, Object>> items = given().queryParam("size", 500).get(SUBSCRIPTIONS + "/" + subscription + "/deliveries")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(line -> posts.contains((String) line.get("postId"))).toList();
    }

    private static Set<String> postsIn(List<Received> received) {
        return received.stream().map(r -> {
            try {
                return r.event().path("data").path("state").path("postId").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new HashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
