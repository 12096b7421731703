package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.understudy.candidate.Fixtures.candidate;
import static org.understudy.candidate.Fixtures.events;
import static org.understudy.candidate.Fixtures.register;
import static org.understudy.candidate.Fixtures.token;

@QuarkusTest
class CandidateApiTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    TopicReader topic;

    @BeforeEach
    void openTopic() {
        topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void registeringACandidateStoresItAndPublishesItsStateWithoutPersonalData() {
        String t = token();
        String name = "Priya Registered " + t;
        String email = "priya." + t + "@example.nhs.uk";
        String id = given().contentType(ContentType.JSON).body(candidate(name, email))
                .when().post("/api/v1/candidates")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/candidates/"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("ACTIVE"))
                .body("name", equalTo(name))
                .body("email", equalTo(email))
                .body("currentOrganisationOdsCode", equalTo("R0A"))
                .body("mobility.regions", contains("MIDLANDS", "NORTH_WEST"))
                .body("mobility.considersChallengedOrganisations", equalTo(true))
                .body("fitAndProper.status", equalTo("PENDING"))
                .body("readiness", empty())
                .body("version", equalTo(1))
                .extract().path("candidateId");

        given().get("/api/v1/candidates/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("phone", equalTo("+44 161 555 0100"))
                .body("notes", equalTo("Strong on finance recovery"));

        CloudEvent event = events(topic, id, 1).get(0);
        assertEquals(CandidateEventTypes.REGISTERED, event.type());
        assertEquals(id, event.subject());
        assertEquals("/candidate-service", event.source());
        assertEquals(1, event.data().get("version").asLong());
        assertEquals("[\"created\"]", event.data().get("changed").toString());
        assertEquals("ACTIVE", event.data().get("state").get("status").asText());
        assertEquals("[\"MIDLANDS\",\"NORTH_WEST\"]", event.data().get("state").get("mobility").get("regions").toString());
        String raw = event.data().toString();
        for (String personal : List.of(name, email, "555 0100", "Deputy Chief Executive", "finance recovery")) {
            assertFalse(raw.contains(personal), "the event carries personal data: " + personal);
        }
    }

    @Test
    void aPatchChangesOnlyTheFieldsSentAndPublishesWhatChangedButNotTheValues() {
        String id = register();
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"phone\":null,\"currentJobTitle\":\"Chief Operating Officer\",\"mobility\":{\"regions\":[\"LONDON\"]}}")
                .when().patch("/api/v1/candidates/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("phone", nullValue())
                .body("currentJobTitle", equalTo("Chief Operating Officer"))
                .body("notes", equalTo("Strong on finance recovery"))
                .body("mobility.regions", contains("LONDON"))
                .body("mobility.organisationTypes", contains("ACUTE"))
                .body("mobility.considersChallengedOrganisations", equalTo(true))
                .body("version", equalTo(2));

        // The same patch again changes nothing: no new version, no event.
        given().contentType(ContentType.JSON).body("{\"currentJobTitle\":\"Chief Operating Officer\"}")
                .patch("/api/v1/candidates/" + id).then().statusCode(200).body("version", equalTo(2));
        // A list longer than the regions there are is refused, as the OpenAPI document's maxItems says.
        given().contentType(ContentType.JSON).body("{\"mobility\":{\"regions\":[" + "\"LONDON\",".repeat(7) + "\"LONDON\"]}}")
                .patch("/api/v1/candidates/" + id).then().statusCode(400).body("field", equalTo("mobility.regions"));

        List<CloudEvent> events = events(topic, id, 2);
        CloudEvent updated = events.get(1);
        assertEquals(CandidateEventTypes.UPDATED, updated.type());
        assertEquals(2, updated.data().get("version").asLong());
        assertEquals("[\"phone\",\"currentJobTitle\",\"mobility\"]", updated.data().get("changed").toString());
        assertEquals("[\"LONDON\"]", updated.data().get("state").get("mobility").get("regions").toString());
        assertFalse(updated.data().toString().contains("Chief Operating Officer"));
    }

    @Test
    void refusedPatchesChangeNothingAndPublishNothing() {
        String other = "other." + token() + "@example.nhs.uk";
        register(candidate("Other Person", other));
        String id = register();
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"notes\":\"first\"}")
                .patch("/api/v1/candidates/" + id).then().statusCode(200);

        record Refusal(String ifMatch, String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal("\"1\"", "{\"notes\":\"stale\"}", 409, "If-Match"),
                new Refusal("not-a-version", "{\"notes\":\"x\"}", 400, "If-Match"),
                new Refusal(null, "{\"name\":null}", 400, "name"),
                new Refusal(null, "{\"email\":\"not an address\"}", 400, "email"),
                new Refusal(null, "{\"email\":\"" + other + "\"}", 409, "email"),
                new Refusal(null, "{\"mobility\":{\"regions\":[\"WALES\"]}}", 400, "mobility.regions[0]"),
                new Refusal(null, "{\"mobility\":{\"regions\":[null]}}", 400, "mobility.regions"),
                new Refusal(null, "{\"status\":\"ERASED\"}", 400, "status"),
                new Refusal(null, "{\"currentOrganisationOdsCode\":\"r0a\"}", 400, "currentOrganisationOdsCode"))) {
            var request = given().contentType(ContentType.JSON).body(r.body());
            if (r.ifMatch() != null) {
                request.header("If-Match", r.ifMatch());
            }
            request.when().patch("/api/v1/candidates/" + id)
                    .then().statusCode(r.status())
                    .contentType("application/problem+json")
                    .body("field", equalTo(r.field()));
        }
        given().contentType(ContentType.JSON).body("[1,2]").patch("/api/v1/candidates/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("If-Match", "\"1\"").delete("/api/v1/candidates/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("If-Match"));
        given().header("If-Match", "\"1\"").post("/api/v1/candidates/" + id + "/withdrawal")
                .then().statusCode(409).body("field", equalTo("If-Match"));

        given().get("/api/v1/candidates/" + id).then()
                .body("status", equalTo("ACTIVE")).body("version", equalTo(2)).body("notes", equalTo("first")).body("mobility.regions", contains("MIDLANDS", "NORTH_WEST"));

        // The marker: a valid patch of the same candidate. Its event is the very next one: the refusals published nothing.
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"notes\":\"second\"}")
                .patch("/api/v1/candidates/" + id).then().statusCode(200).body("version", equalTo(3));
        List<CloudEvent> events = events(topic, id, 3);
        assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.UPDATED, CandidateEventTypes.UPDATED),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.data().get("version").asLong()).toList());
        CloudEvent marker = events.get(2);
        assertEquals("[\"notes\"]", marker.data().get("changed").toString());
        assertEquals("ACTIVE", marker.data().get("state").get("status").asText());
        assertEquals("[\"MIDLANDS\",\"NORTH_WEST\"]", marker.data().get("state").get("mobility").get("regions").toString());
    }

    @Test
    void refusedRegistrationsStoreNothingAndPublishNothing() throws Exception {
        // Every earlier event relayed, so that the outbox counts below compare like with like.
        await().atMost(Fixtures.WAIT).until(() -> Fixtures.outbox(em)[1] == 0);
        long outboxBefore = Fixtures.outbox(em)[0];
        int registered = given().queryParam("size", 1).get("/api/v1/candidates").then().extract().path("total");

        String taken = "taken." + token() + "@example.nhs.uk";
        register(candidate("Already Here", taken));
        int registrations = 1;

        // A refused registration has no key of its own to watch, so every partition of candidate-events gets a
        // bookend: the last candidate registered on it before the refusals, changed again after them (the marker).
        // A refusal's event would lie, on its partition, between the two events of that partition's bookend.
        int partitions = partitionsOf(Topics.CANDIDATE_EVENTS);
        Map<Integer, ConsumerRecord<String, String>> bookends = new TreeMap<>();
        for (int tries = 0; tries < 100 && bookends.size() < partitions; tries++) {
            String id = register();
            registrations++;
            ConsumerRecord<String, String> registeredEvent = topic.await(r -> id.equals(r.key()), 1, Fixtures.WAIT).get(0);
            bookends.put(registeredEvent.partition(), registeredEvent); // the latest on its partition
        }
        assertEquals(partitions, bookends.size(), "a registration on every partition");

        String valid = candidate();
        record Refusal(String why, String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal("missing name", valid.replaceFirst("\"name\":\"[^\"]*\",", ""), 400, "name"),
                new Refusal("blank name", valid.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"  \""), 400, "name"),
                new Refusal("bad e-mail", valid.replaceFirst("\"email\":\"[^\"]*\"", "\"email\":\"nobody\""), 400, "email"),
                new Refusal("bad phone", valid.replace("+44 161 555 0100", "call me"), 400, "phone"),
                new Refusal("bad ODS code", valid.replace("\"R0A\"", "\"not an ods\""), 400, "currentOrganisationOdsCode"),
                new Refusal("unknown region", valid.replace("\"MIDLANDS\"", "\"WALES\""), 400, "mobility.regions[1]"),
                new Refusal("unknown organisation type", valid.replace("\"ACUTE\"", "\"PRISON\""), 400, "mobility.organisationTypes[0]"),
                new Refusal("not a boolean", valid.replace("\"considersChallengedOrganisations\":true", "\"considersChallengedOrganisations\":\"maybe\""), 400, "mobility.considersChallengedOrganisations"),
                new Refusal("unknown field", valid.replace("\"notes\":", "\"dateOfBirth\":\"1970-01-01\",\"notes\":"), 400, "dateOfBirth"),
                new Refusal("notes too long", valid.replace("Strong on finance recovery", "x".repeat(4001)), 400, "notes"),
                new Refusal("e-mail taken (any case)", candidate("Someone Else", taken.toUpperCase()), 409, "email"))) {
            given().contentType(ContentType.JSON).body(r.body())
                    .when().post("/api/v1/candidates")
                    .then().statusCode(r.status())
                    .contentType("application/problem+json")
                    .body("field", equalTo(r.field()));
        }
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/candidates")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/v1/candidates")
                .then().statusCode(400).contentType("application/problem+json");

        given().queryParam("size", 1).get("/api/v1/candidates").then().body("total", equalTo(registered + registrations));

        // The markers, then on each partition exactly the bookend's two events from one to the other.
        for (ConsumerRecord<String, String> first : bookends.values()) {
            String id = first.key();
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"notes\":\"after the refusals\"}")
                    .patch("/api/v1/candidates/" + id).then().statusCode(200).body("version", equalTo(2));
        }
        for (ConsumerRecord<String, String> first : bookends.values()) {
            String id = first.key();
            ConsumerRecord<String, String> marker = topic.await(r -> id.equals(r.key()), 2, Fixtures.WAIT).get(1);
            List<ConsumerRecord<String, String>> span = topic.await(r -> r.partition() == first.partition()
                    && r.offset() >= first.offset() && r.offset() <= marker.offset(), 2, Fixtures.WAIT);
            assertEquals(List.of(id + " " + CandidateEventTypes.REGISTERED + " 1", id + " " + CandidateEventTypes.UPDATED + " 2"),
                    span.stream().map(r -> {
                        CloudEvent event = EventContract.parse(r.value());
                        return r.key() + " " + event.type() + " " + event.data().get("version").asLong();
                    }).toList(),
                    "partition " + first.partition() + ": a refused registration was published");
        }
        // Relayed to the last: the outbox holds the accepted registrations and the markers, nothing of a refusal.
        await().atMost(Fixtures.WAIT).until(() -> Fixtures.outbox(em)[1] == 0);
        assertEquals(outboxBefore + registrations + bookends.size(), Fixtures.outbox(em)[0], "the outbox holds an event of a refused registration");
    }

    /** How many partitions the topic has (every one needs a marker when the key is not known). */
    private int partitionsOf(String topicName) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topicName)).allTopicNames().get(30, TimeUnit.SECONDS).get(topicName).partitions().size();
        }
    }

    @Test
    void withdrawalKeepsTheCandidateButTakesItOutOfThePipeline() {
        String id = register();
        given().header("If-Match", "\"1\"").post("/api/v1/candidates/" + id + "/withdrawal")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("WITHDRAWN"))
                .body("name", not(nullValue()));
        given().post("/api/v1/candidates/" + id + "/withdrawal")
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("candidateId"));

        List<CloudEvent> events = events(topic, id, 2);
        assertEquals(CandidateEventTypes.WITHDRAWN, events.get(1).type());
        assertEquals("WITHDRAWN", events.get(1).data().get("state").get("status").asText());
        assertEquals("[\"status\"]", events.get(1).data().get("changed").toString());
        assertEquals(2, version(id));
    }

    private static int version(String id) {
        return Fixtures.version(id);
    }

    @Test
    void listingFiltersByMobilityFitAndProperAndReadinessInAStableOrder() {
        String a = register();
        String b = register(candidate().replace("[\"NORTH_WEST\",\"MIDLANDS\"]", "[\"LONDON\"]"));
        String c = register();
        Fixtures.assess(a, "CHAIR", "READY_NOW", Fixtures.today());
        Fixtures.assess(b, "CHAIR", "READY_NOW", Fixtures.today());
        Fixtures.assess(c, "CHAIR", "READY_1_2_YEARS", Fixtures.today());
        given().contentType(ContentType.JSON).body("{\"status\":\"PASSED\",\"checkedOn\":\"" + Fixtures.today() + "\"}")
                .put("/api/v1/candidates/" + a + "/fit-and-proper").then().statusCode(200);

        given().queryParam("role", "CHAIR").queryParam("readinessLevel", "READY_NOW").queryParam("region", "NORTH_WEST").queryParam("size", 500)
                .get("/api/v1/candidates").then().statusCode(200)
                .body("items.candidateId", hasItem(a))
                .body("items.candidateId", not(hasItem(b)))
                .body("items.candidateId", not(hasItem(c)));
        given().queryParam("fitAndProperStatus", "PASSED").queryParam("size", 500)
                .get("/api/v1/candidates").then().body("items.candidateId", hasItem(a)).body("items.candidateId", not(hasItem(c)));
        given().queryParam("role", "CHAIR").queryParam("size", 500)
                .get("/api/v1/candidates").then()
                .body("items.findAll { it.candidateId in ['" + a + "','" + b + "','" + c + "'] }.candidateId", contains(a, b, c));

        // Paging: page 1 of size 1 is the second item of the same order.
        List<String> all = given().queryParam("role", "CHAIR").queryParam("size", 500).get("/api/v1/candidates")
                .then().extract().path("items.candidateId");
        given().queryParam("role", "CHAIR").queryParam("size", 1).queryParam("page", 1).get("/api/v1/candidates")
                .then().body("items.candidateId", contains(all.get(1))).body("total", equalTo(all.size())).body("page", equalTo(1));

        for (String[] bad : new String[][]{{"region", "WALES"}, {"readinessLevel", "SOON"}, {"fitAndProperStatus", "OK"}, {"size", "0"}, {"page", "-1"}}) {
            given().queryParam(bad[0], bad[1]).get("/api/v1/candidates")
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(bad[0]));
        }
    }

    @Test
    void anUnknownOrMalformedCandidateIsNotFound() {
        for (String path : List.of("/api/v1/candidates/00000000-0000-0000-0000-000000000000", "/api/v1/candidates/not-an-id",
                "/api/v1/candidates/00000000-0000-0000-0000-000000000000/readiness/history",
                "/api/v1/candidates/00000000-0000-0000-0000-000000000000/fit-and-proper",
                "/api/v1/candidates/00000000-0000-0000-0000-000000000000/nominations",
                "/api/v1/candidates/00000000-0000-0000-0000-000000000000/exits")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json").body("field", equalTo("candidateId"));
        }
        given().contentType(ContentType.JSON).body("{\"notes\":\"x\"}").patch("/api/v1/candidates/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("field", equalTo("candidateId"));
        given().delete("/api/v1/candidates/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("field", equalTo("candidateId"));
        given().post("/api/v1/candidates/00000000-0000-0000-0000-000000000000/withdrawal")
                .then().statusCode(404).body("field", equalTo("candidateId"));
        String unknown = "/api/v1/candidates/" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Fixtures.readiness("CHAIR", "READY_NOW", Fixtures.today()))
                .put(unknown + "/readiness").then().statusCode(404).body("field", equalTo("candidateId"));
        given().contentType(ContentType.JSON).body("{\"status\":\"PENDING\"}")
                .put(unknown + "/fit-and-proper").then().statusCode(404).body("field", equalTo("candidateId"));
        given().contentType(ContentType.JSON).body("{\"postId\":\"" + UUID.randomUUID() + "\",\"readiness\":\"READY_NOW\"}")
                .post(unknown + "/nominations").then().statusCode(404).body("field", equalTo("candidateId"));
        given().delete(unknown + "/nominations/" + UUID.randomUUID()).then().statusCode(404).body("field", equalTo("candidateId"));
        given().contentType(ContentType.JSON).body("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"2025-01-01\",\"reason\":\"MOVED\"}")
                .post(unknown + "/exits").then().statusCode(404).body("field", equalTo("candidateId"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/candidates", "/api/v1/candidates/{candidateId}", "/api/v1/candidates/{candidateId}/withdrawal",
                "/api/v1/candidates/{candidateId}/readiness", "/api/v1/candidates/{candidateId}/readiness/history",
                "/api/v1/candidates/{candidateId}/fit-and-proper", "/api/v1/candidates/{candidateId}/nominations",
                "/api/v1/candidates/{candidateId}/nominations/{postId}", "/api/v1/candidates/{candidateId}/exits",
                "/api/v1/audit/personal-data-reads")) {
            assertTrue(doc.contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        assertTrue(doc.contains("application/problem+json"));
    }
}
