package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventFactory;
import org.understudy.events.PostState;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.understudy.candidate.Fixtures.announcePost;
import static org.understudy.candidate.Fixtures.events;
import static org.understudy.candidate.Fixtures.nominateOnceKnown;
import static org.understudy.candidate.Fixtures.register;
import static org.understudy.candidate.Fixtures.today;

@QuarkusTest
class NominationAndExitApiTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    TopicReader topic;

    @BeforeEach
    void openTopic() {
        topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    private static String nomination(UUID postId, String readiness) {
        return "{\"postId\":\"" + postId + "\",\"readiness\":\"" + readiness + "\"}";
    }

    @Test
    void aNominationForAPostNotYetKnownIsRefusedAndAcceptedOnceVacancyEventsAnnounceIt() throws Exception {
        String id = register();
        UUID postId = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(nomination(postId, "READY_NOW"))
                .when().post("/api/v1/candidates/" + id + "/nominations")
                .then().statusCode(404).contentType("application/problem+json")
                .body("field", equalTo("postId"))
                .body("detail", containsString("a moment ago"));
        given().get("/api/v1/candidates/" + id + "/nominations").then().body("$", empty());

        String event = EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED, postId.toString(),
                OffsetDateTime.now(), 1, List.of("created"), new PostState(postId, "R0A", BoardRole.CHIEF_EXECUTIVE));
        Fixtures.send(bootstrap, postId.toString(), event);
        Fixtures.send(bootstrap, postId.toString(), event); // a redelivery changes nothing
        nominateOnceKnown(id, postId, "READY_NOW");

        given().get("/api/v1/candidates/" + id + "/nominations").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].postId", equalTo(postId.toString()))
                .body("[0].readiness", equalTo("READY_NOW"))
                .body("[0].nominatedOn", equalTo(today().toString()));

        List<CloudEvent> events = events(topic, id, 2);
        assertEquals(2, events.size(), "only the accepted nomination is an event");
        CloudEvent nominated = events.get(1);
        assertEquals(CandidateEventTypes.NOMINATED, nominated.type());
        assertEquals(2, nominated.data().get("version").asLong());
        assertEquals("[\"nominations\"]", nominated.data().get("changed").toString());
        assertEquals("[{\"postId\":\"" + postId + "\",\"readiness\":\"READY_NOW\",\"nominatedOn\":\"" + today() + "\"}]",
                nominated.data().get("state").get("nominations").toString());
    }

    @Test
    void atMostOneNominationPerPostAndAWithdrawnNominationIsPublished() throws Exception {
        String id = register();
        UUID postId = announcePost(bootstrap, "R1F", BoardRole.CHAIR);
        nominateOnceKnown(id, postId, "READY_1_2_YEARS");
        String path = "/api/v1/candidates/" + id + "/nominations";

        record Refusal(String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal(nomination(postId, "READY_NOW"), 409, "postId"),
                new Refusal(nomination(postId, "SOON"), 400, "readiness"),
                new Refusal("{\"postId\":\"not-a-uuid\",\"readiness\":\"READY_NOW\"}", 400, "postId"),
                new Refusal("{\"readiness\":\"READY_NOW\"}", 400, "postId"))) {
            given().contentType(ContentType.JSON).body(r.body()).when().post(path)
                    .then().statusCode(r.status()).contentType("application/problem+json").body("field", equalTo(r.field()));
        }
        given().delete(path + "/" + UUID.randomUUID()).then().statusCode(404).body("field", equalTo("postId"));
        given().get(path).then().body("$", hasSize(1)).body("[0].readiness", equalTo("READY_1_2_YEARS"));

        // The withdrawal is the marker: its event follows the nomination directly, so the refusals published nothing.
        given().header("If-Match", "\"2\"").delete(path + "/" + postId).then().statusCode(204).header("ETag", "\"3\"");
        given().get(path).then().body("$", empty());
        List<CloudEvent> events = events(topic, id, 3);
        assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.NOMINATED, CandidateEventTypes.NOMINATION_WITHDRAWN),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals("[{\"postId\":\"" + postId + "\",\"readiness\":\"READY_1_2_YEARS\",\"nominatedOn\":\"" + today() + "\"}]",
                events.get(1).data().get("state").get("nominations").toString());
        CloudEvent withdrawn = events.get(2);
        assertEquals(0, withdrawn.data().get("state").get("nominations").size());

        // A withdrawn candidate cannot be nominated.
        given().post("/api/v1/candidates/" + id + "/withdrawal").then().statusCode(200);
        given().contentType(ContentType.JSON).body(nomination(postId, "READY_NOW")).post(path)
                .then().statusCode(409).body("field", equalTo("candidateId"));
    }

    @Test
    void exitsAreRecordedWithOrWithoutAKnownPost() throws Exception {
        String id = register();
        UUID postId = announcePost(bootstrap, "RX1", BoardRole.CHIEF_EXECUTIVE);
        nominateOnceKnown(register(), postId, "READY_NOW"); // the post is known now
        String path = "/api/v1/candidates/" + id + "/exits";

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"postId\":\"" + postId + "\",\"date\":\"" + today().minusYears(1) + "\",\"reason\":\"DISMISSED\"}")
                .when().post(path)
                .then().statusCode(201).header("ETag", "\"2\"")
                .body("postId", equalTo(postId.toString()))
                .body("odsCode", equalTo("RX1"))
                .body("role", equalTo("CHIEF_EXECUTIVE"))
                .body("reason", equalTo("DISMISSED"));
        given().contentType(ContentType.JSON)
                .body("{\"odsCode\":\"RW3\",\"role\":\"CHIEF_FINANCIAL_OFFICER\",\"date\":\"" + today() + "\",\"reason\":\"MUTUAL_AGREEMENT\"}")
                .when().post(path)
                .then().statusCode(201).body("postId", nullValue()).body("odsCode", equalTo("RW3"));
        given().get(path).then().body("$", hasSize(2)).body("[0].reason", equalTo("DISMISSED"));

        List<CloudEvent> events = events(topic, id, 3);
        CloudEvent last = events.get(2);
        assertEquals(CandidateEventTypes.EXIT_RECORDED, last.type());
        assertEquals("[\"exits\"]", last.data().get("changed").toString());
        assertEquals("[{\"postId\":\"" + postId + "\",\"odsCode\":\"RX1\",\"role\":\"CHIEF_EXECUTIVE\",\"date\":\"" + today().minusYears(1)
                        + "\",\"reason\":\"DISMISSED\"},{\"postId\":null,\"odsCode\":\"RW3\",\"role\":\"CHIEF_FINANCIAL_OFFICER\",\"date\":\""
                        + today() + "\",\"reason\":\"MUTUAL_AGREEMENT\"}]",
                last.data().get("state").get("exits").toString(), "a settlement travels as itself (contract version 2)");
    }

    @Test
    void refusedExitsChangeNothingAndPublishNothing() throws Exception {
        String id = register();
        UUID postId = announcePost(bootstrap, "RX2", BoardRole.CHAIR);
        nominateOnceKnown(register(), postId, "READY_NOW");
        String path = "/api/v1/candidates/" + id + "/exits";
        String day = today().minusDays(3).toString();
        given().contentType(ContentType.JSON).body("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"RETIRED\"}")
                .post(path).then().statusCode(201);

        record Refusal(String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 409, "date"),
                new Refusal("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + today().plusDays(1) + "\",\"reason\":\"MOVED\"}", 400, "date"),
                new Refusal("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"reason\":\"MOVED\"}", 400, "date"),
                new Refusal("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"FIRED\"}", 400, "reason"),
                new Refusal("{\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 400, "odsCode"),
                new Refusal("{\"odsCode\":\"RW3\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 400, "role"),
                new Refusal("{\"odsCode\":\"rw3\",\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 400, "odsCode"),
                new Refusal("{\"postId\":\"" + UUID.randomUUID() + "\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 404, "postId"),
                new Refusal("{\"postId\":\"" + postId + "\",\"odsCode\":\"RW3\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 400, "odsCode"),
                new Refusal("{\"postId\":\"" + postId + "\",\"role\":\"CHIEF_NURSE\",\"date\":\"" + day + "\",\"reason\":\"MOVED\"}", 400, "role"))) {
            given().contentType(ContentType.JSON).body(r.body()).when().post(path)
                    .then().statusCode(r.status()).contentType("application/problem+json").body("field", equalTo(r.field()));
        }
        given().get(path).then().body("$", hasSize(1));

        // The marker: a valid exit of the same candidate. Its event is the very next one: the refusals published nothing.
        String marked = today().minusDays(1).toString();
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + marked + "\",\"reason\":\"MOVED\"}")
                .post(path).then().statusCode(201).header("ETag", "\"3\"");
        List<CloudEvent> events = events(topic, id, 3);
        assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.EXIT_RECORDED, CandidateEventTypes.EXIT_RECORDED),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.data().get("version").asLong()).toList());
        String retired = "{\"postId\":null,\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + day + "\",\"reason\":\"RETIRED\"}";
        assertEquals("[" + retired + "]", events.get(1).data().get("state").get("exits").toString());
        assertEquals("[" + retired + ",{\"postId\":null,\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + marked + "\",\"reason\":\"MOVED\"}]",
                events.get(2).data().get("state").get("exits").toString());
    }

    @Test
    void aMalformedVacancyEventIsDeadLetteredWithTheReasonAndTheConsumerMovesOn() throws Exception {
        String key = "malformed-" + UUID.randomUUID();
        Fixtures.send(bootstrap, key, "{\"specversion\":\"1.0\",\"id\":\"x\"}");
        Fixtures.send(bootstrap, key, "not json at all");
        Fixtures.send(bootstrap, key, "{\"type\":\"hello\"}"); // a type, but not one of the contract's form
        UUID postId = UUID.randomUUID(); // behind the malformed ones, on the same partition
        Fixtures.send(bootstrap, key, EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED,
                postId.toString(), OffsetDateTime.now(), 1, List.of("created"), new PostState(postId, "RX3", BoardRole.CHIEF_NURSE)));

        try (TopicReader dlq = new TopicReader(bootstrap, "candidate-service.vacancy-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> key.equals(r.key()), 3, Fixtures.WAIT);
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("/type") || reason.contains("required"), reason);
            assertEquals("not json at all", dead.get(1).value());
            assertEquals("{\"type\":\"hello\"}", dead.get(2).value());
        }
        nominateOnceKnown(register(), postId, "READY_NOW");
    }

    @Test
    void aVacancyEventOfATypeNotNeededHereIsSkippedOnItsTypeAloneAndCounted() throws Exception {
        String key = "not-needed-" + UUID.randomUUID();
        // Its envelope and state break the contract, but its type says it is not about creating a post: it is
        // skipped without the schema check, not dead-lettered.
        Fixtures.send(bootstrap, key, "{\"type\":\"" + VacancyEventTypes.POST_INTERIM_COVER_CHANGED + "\",\"data\":{\"state\":{\"odsCode\":42}}}");
        UUID postId = UUID.randomUUID(); // behind it, on the same partition
        Fixtures.send(bootstrap, key, EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED,
                postId.toString(), OffsetDateTime.now(), 1, List.of("created"), new PostState(postId, "RX3", BoardRole.CHIEF_NURSE)));
        // The marker, behind both on the same partition: a record that is dead-lettered. The consumer handles the
        // partition in order and dead-letters under the same key, so anything dead-lettered before would come first.
        String marker = "marker: not json " + key;
        Fixtures.send(bootstrap, key, marker);

        nominateOnceKnown(register(), postId, "READY_NOW");
        try (TopicReader dlq = new TopicReader(bootstrap, "candidate-service.vacancy-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> key.equals(r.key()), 1, Fixtures.WAIT);
            assertEquals(List.of(marker), dead.stream().map(ConsumerRecord::value).toList(), "records dead-lettered");
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("understudy_events_consumed_total{")
                && line.contains("type=\"" + VacancyEventTypes.POST_INTERIM_COVER_CHANGED + "\"") && line.contains("outcome=\"ignored\"")),
                "interim cover events counted as ignored");
    }
}
