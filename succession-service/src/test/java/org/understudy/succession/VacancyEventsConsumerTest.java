package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.EventFactory;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.OrganisationState;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.Region;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VacancyEventsConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.VACANCY_EVENTS, key, value)).get();
    }

    private static String ods() {
        return "S" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    private static String organisationEvent(String ods, long version, int segment) {
        return EventFactory.toJson(UUID.randomUUID(), "/vacancy-service",
                version == 1 ? VacancyEventTypes.ORGANISATION_CREATED : VacancyEventTypes.ORGANISATION_UPDATED, ods, OffsetDateTime.now(), version,
                List.of(version == 1 ? "created" : "oversightSegment"),
                new OrganisationState(ods, "Test Community NHS Trust", Region.MIDLANDS, OrganisationType.COMMUNITY, false, null, segment));
    }

    private static String postEvent(UUID postId, String ods, long version, BoardRole role) {
        return EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED, postId.toString(),
                OffsetDateTime.now(), version, List.of("created"), new PostState(postId, ods, role));
    }

    @Test
    void aNewPostShowsWithNoOneReady() throws Exception {
        String ods = ods();
        UUID postId = UUID.randomUUID();
        send(ods, organisationEvent(ods, 1, 4));
        send(postId.toString(), postEvent(postId, ods, 1, BoardRole.CHIEF_EXECUTIVE));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId)
                .then().statusCode(200)
                .body("odsCode", equalTo(ods))
                .body("organisationName", equalTo("Test Community NHS Trust"))
                .body("region", equalTo("MIDLANDS"))
                .body("oversightSegment", equalTo(4))
                .body("role", equalTo("CHIEF_EXECUTIVE"))
                .body("readyNow", equalTo(0))
                .body("readySoon", equalTo(0))
                .body("depth", equalTo(0))
                .body("replaceability", equalTo("NONE"))
                .body("reflects.topic", equalTo(Topics.VACANCY_EVENTS)));

        given().queryParam("region", "MIDLANDS").queryParam("replaceability", "NONE").queryParam("size", 500)
                .get("/api/v1/succession/posts")
                .then().statusCode(200)
                .body("items.find { it.postId == '" + postId + "' }.readyNow", equalTo(0));
    }

    @Test
    void anUnsetSegmentIsShownAsNullAndAVersionOneOrganisationEventIsStillRead() throws Exception {
        String unset = ods();
        UUID unsetPost = UUID.randomUUID();
        send(unset, EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.ORGANISATION_CREATED, unset,
                OffsetDateTime.now(), 1, List.of("created"),
                new OrganisationState(unset, "Unjudged NHS Trust", Region.MIDLANDS, OrganisationType.ACUTE, false, null, null)));
        send(unsetPost.toString(), postEvent(unsetPost, unset, 1, BoardRole.CHAIR));

        // A version-1 event as published before segments became the regulator's: its own schema, no setter fields.
        String older = ods();
        UUID olderPost = UUID.randomUUID();
        String v1 = VacancyEventTypes.ORGANISATION_V1.stream().filter(t -> t.contains(".created.")).findFirst().orElseThrow();
        send(older, """
                {"specversion":"1.0","id":"%s","source":"/vacancy-service","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","data":{"version":1,"changed":["created"],"state":
                 {"odsCode":"%s","name":"Older NHS Trust","region":"MIDLANDS","organisationType":"ACUTE","foundationTrust":false,
                  "integratedCareBoardCode":null,"oversightSegment":5}}}
                """.formatted(UUID.randomUUID(), v1, older, OffsetDateTime.now(), older));
        send(olderPost.toString(), postEvent(olderPost, older, 1, BoardRole.CHAIR));

        await().atMost(WAIT).untilAsserted(() -> {
            given().get("/api/v1/succession/posts/" + unsetPost).then().statusCode(200)
                    .body("organisationName", equalTo("Unjudged NHS Trust"))
                    .body("oversightSegment", nullValue());
            given().get("/api/v1/succession/posts/" + olderPost).then().statusCode(200)
                    .body("organisationName", equalTo("Older NHS Trust"))
                    .body("oversightSegment", equalTo(5));
        });
        assertTrue(consumed(v1, "applied") >= 1, "read by its own schema, not dead-lettered");
    }

    @Test
    void aDuplicateOrOlderEventChangesNothing() throws Exception {
        String ods = ods();
        UUID postId = UUID.randomUUID();
        String created = postEvent(postId, ods, 2, BoardRole.CHAIR);
        send(ods, organisationEvent(ods, 1, 2));
        send(postId.toString(), created);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId).then().statusCode(200));
        long offset = given().get("/api/v1/succession/posts/" + postId).then().extract().jsonPath().getLong("reflects.offset");
        double staleBefore = consumed(VacancyEventTypes.POST_CREATED, "stale");

        send(postId.toString(), created);                                           // the same event again
        send(postId.toString(), postEvent(postId, ods, 1, BoardRole.CHIEF_EXECUTIVE)); // an older version, arriving late
        UUID marker = UUID.randomUUID();                                            // then something new on the same partition
        send(postId.toString(), postEvent(marker, ods, 1, BoardRole.CHIEF_NURSE));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + marker).then().statusCode(200));

        given().get("/api/v1/succession/posts/" + postId)
                .then().statusCode(200)
                .body("role", equalTo("CHAIR"))
                .body("reflects.offset", equalTo((int) offset));
        // The redelivery and the older version were both read and found not newer than the view's.
        assertEquals(staleBefore + 2, consumed(VacancyEventTypes.POST_CREATED, "stale"));
    }

    /** The consumed-events counter of vacancy-events for a type and an outcome, as /q/metrics shows it (0 before any). */
    static double consumed(String type, String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("understudy_events_consumed_total{") && line.contains("topic=\"" + Topics.VACANCY_EVENTS + "\"")
                    && line.contains("type=\"" + type + "\"") && line.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void aLaterOrganisationEventUpdatesTheSegmentAndAnEarlierOneIsIgnored() throws Exception {
        String ods = ods();
        UUID postId = UUID.randomUUID();
        send(postId.toString(), postEvent(postId, ods, 1, BoardRole.CHIEF_EXECUTIVE));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId)
                .then().statusCode(200).body("organisationName", nullValue()));

        send(ods, organisationEvent(ods, 2, 5));
        send(ods, organisationEvent(ods, 1, 1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId)
                .then().body("oversightSegment", equalTo(5)));
        send(ods, organisationEvent(ods, 3, 3));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId)
                .then().body("oversightSegment", equalTo(3)));
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerMovesOn() throws Exception {
        String key = "malformed-" + UUID.randomUUID();
        send(key, "{\"specversion\":\"1.0\",\"id\":\"x\"}");
        send(key, "not json at all");
        String ods = ods();
        UUID postId = UUID.randomUUID();
        send(key, postEvent(postId, ods, 1, BoardRole.CHAIR));

        try (TopicReader dlq = new TopicReader(bootstrap, "succession-service.vacancy-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> key.equals(r.key()), 2, WAIT);
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("/type") || reason.contains("required"), reason);
            assertEquals("not json at all", dead.get(1).value());
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId).then().statusCode(200));
    }

    @Test
    void anUnknownEventTypeIsCountedAndSkipped() throws Exception {
        String ods = ods();
        String merged = "org.understudy.vacancy.organisation.merged.v3";
        String future = organisationEvent(ods, 1, 2).replace(VacancyEventTypes.ORGANISATION_CREATED, merged);
        double skippedBefore = consumed(merged, "unknown-type");
        send(ods, future);
        UUID postId = UUID.randomUUID();
        send(ods, postEvent(postId, ods, 1, BoardRole.CHAIR));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId).then().statusCode(200));
        given().get("/api/v1/succession/posts/" + postId).then().body("organisationName", nullValue());
        assertEquals(skippedBefore + 1, consumed(merged, "unknown-type"));
    }

    @Test
    void anUnknownPostIsAProblem() {
        given().get("/api/v1/succession/posts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("postId"));
        given().queryParam("maxReadyNow", -1).get("/api/v1/succession/posts")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("maxReadyNow"));
    }
}
