package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.understudy.candidate.Fixtures.assess;
import static org.understudy.candidate.Fixtures.events;
import static org.understudy.candidate.Fixtures.readiness;
import static org.understudy.candidate.Fixtures.register;
import static org.understudy.candidate.Fixtures.today;

@QuarkusTest
class ReadinessAndFitAndProperApiTest {
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

    @Test
    void assessmentsKeepTheirHistoryAndTheLatestPerRoleIsCurrentAndPublished() {
        String id = register();
        LocalDate earlier = today().minusMonths(6);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(readiness("CHIEF_EXECUTIVE", "READY_1_2_YEARS", earlier))
                .when().put("/api/v1/candidates/" + id + "/readiness")
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("role", equalTo("CHIEF_EXECUTIVE"))
                .body("level", equalTo("READY_1_2_YEARS"))
                .body("assessedOn", equalTo(earlier.toString()))
                .body("assessedBy", equalTo("North West talent board"))
                .body("current", equalTo(true));
        assess(id, "CHIEF_EXECUTIVE", "READY_NOW", today());
        assess(id, "CHAIR", "READY_3_PLUS", earlier);

        given().get("/api/v1/candidates/" + id).then()
                .body("version", equalTo(4))
                .body("readiness.role", contains("CHIEF_EXECUTIVE", "CHAIR"))
                .body("readiness.level", contains("READY_NOW", "READY_3_PLUS"));
        given().get("/api/v1/candidates/" + id + "/readiness/history").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.level", contains("READY_NOW", "READY_3_PLUS", "READY_1_2_YEARS")) // by date, then the later recorded
                .body("items.current", contains(true, true, false));
        given().queryParam("role", "CHIEF_EXECUTIVE").get("/api/v1/candidates/" + id + "/readiness/history").then()
                .body("total", equalTo(2));

        List<CloudEvent> events = events(topic, id, 4);
        CloudEvent second = events.get(2);
        assertEquals(CandidateEventTypes.READINESS_ASSESSED, second.type());
        assertEquals(3, second.data().get("version").asLong());
        assertEquals("[\"readiness\"]", second.data().get("changed").toString());
        assertEquals("[{\"role\":\"CHIEF_EXECUTIVE\",\"level\":\"READY_NOW\",\"assessedOn\":\"" + today() + "\"}]",
                second.data().get("state").get("readiness").toString());
        assertEquals(2, events.get(3).data().get("state").get("readiness").size());
    }

    @Test
    void refusedAssessmentsChangeNothingAndPublishNothing() {
        String id = register();
        assess(id, "CHAIR", "READY_NOW", today().minusDays(10));
        String path = "/api/v1/candidates/" + id + "/readiness";
        record Refusal(String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal(readiness("CHAIR", "READY_NOW", today().plusDays(1)), 400, "assessedOn"),
                new Refusal(readiness("CHAIR", "READY_NOW", LocalDate.of(1900, 1, 1)), 400, "assessedOn"),
                new Refusal(readiness("CHAIR", "READY_NOW", today().minusDays(11)), 409, "assessedOn"),
                new Refusal(readiness("KING", "READY_NOW", today()), 400, "role"),
                new Refusal(readiness("CHAIR", "SOONISH", today()), 400, "level"),
                new Refusal(readiness("CHAIR", "READY_NOW", today()).replace("\"North West talent board\"", "\" \""), 400, "assessedBy"),
                new Refusal(readiness("CHAIR", "READY_NOW", today()).replace("," + "\"assessedOn\":\"" + today() + "\"", ""), 400, "assessedOn"),
                new Refusal(readiness("CHAIR", "READY_NOW", today()).replace("\"" + today() + "\"", "\"31/12/2025\""), 400, "assessedOn"))) {
            given().contentType(ContentType.JSON).body(r.body())
                    .when().put(path)
                    .then().statusCode(r.status()).contentType("application/problem+json").body("field", equalTo(r.field()));
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(readiness("CHAIR", "READY_NOW", today()))
                .put(path).then().statusCode(409).body("field", equalTo("If-Match"));

        given().get(path + "/history").then().body("total", equalTo(1));
        given().get("/api/v1/candidates/" + id).then().body("version", equalTo(2));

        // The marker: a valid assessment of the same candidate. Its event is the very next one: the refusals published nothing.
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(readiness("CHAIR", "READY_1_2_YEARS", today()))
                .put(path).then().statusCode(200).header("ETag", "\"3\"");
        List<CloudEvent> events = events(topic, id, 3);
        assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.READINESS_ASSESSED, CandidateEventTypes.READINESS_ASSESSED),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals("[{\"role\":\"CHAIR\",\"level\":\"READY_NOW\",\"assessedOn\":\"" + today().minusDays(10) + "\"}]",
                events.get(1).data().get("state").get("readiness").toString());
        assertEquals("[{\"role\":\"CHAIR\",\"level\":\"READY_1_2_YEARS\",\"assessedOn\":\"" + today() + "\"}]",
                events.get(2).data().get("state").get("readiness").toString());
    }

    @Test
    void aPassedCheckSaysWhetherItHasLapsedAndEachOutcomeIsPublished() {
        String id = register();
        String path = "/api/v1/candidates/" + id + "/fit-and-proper";
        LocalDate old = today().minusMonths(13);
        given().contentType(ContentType.JSON).body("{\"status\":\"PASSED\",\"checkedOn\":\"" + old + "\"}")
                .when().put(path)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("PASSED"))
                .body("checkedOn", equalTo(old.toString()))
                .body("lapsed", equalTo(true))
                .body("lapsesOn", equalTo(old.plusMonths(12).plusDays(1).toString()));
        given().contentType(ContentType.JSON).body("{\"status\":\"PASSED\",\"checkedOn\":\"" + today() + "\"}")
                .put(path).then().statusCode(200).body("lapsed", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"status\":\"PENDING\"}")
                .put(path).then().statusCode(200).body("status", equalTo("PENDING")).body("checkedOn", nullValue()).body("lapsed", equalTo(false));
        given().get(path).then().statusCode(200).header("ETag", "\"4\"").body("status", equalTo("PENDING"));
        given().get("/api/v1/candidates/" + id).then().body("fitAndProper.status", equalTo("PENDING"));

        List<CloudEvent> events = events(topic, id, 4);
        CloudEvent passed = events.get(2);
        assertEquals(CandidateEventTypes.FIT_AND_PROPER_RECORDED, passed.type());
        assertEquals("[\"fitAndProper\"]", passed.data().get("changed").toString());
        assertEquals("{\"status\":\"PASSED\",\"checkedOn\":\"" + today() + "\"}", passed.data().get("state").get("fitAndProper").toString());
        assertEquals("{\"status\":\"PENDING\",\"checkedOn\":null}", events.get(3).data().get("state").get("fitAndProper").toString());
    }

    @Test
    void refusedChecksChangeNothingAndPublishNothing() {
        String id = register();
        String path = "/api/v1/candidates/" + id + "/fit-and-proper";
        given().contentType(ContentType.JSON).body("{\"status\":\"PASSED\",\"checkedOn\":\"" + today().minusDays(5) + "\"}")
                .put(path).then().statusCode(200);
        record Refusal(String body, int status, String field) {
        }
        for (Refusal r : List.of(
                new Refusal("{\"status\":\"FAILED\"}", 400, "checkedOn"),
                new Refusal("{\"status\":\"PASSED\",\"checkedOn\":null}", 400, "checkedOn"),
                new Refusal("{\"status\":\"PASSED\",\"checkedOn\":\"" + today().plusDays(1) + "\"}", 400, "checkedOn"),
                new Refusal("{\"status\":\"FAILED\",\"checkedOn\":\"" + today().minusDays(6) + "\"}", 409, "checkedOn"),
                new Refusal("{\"status\":\"LAPSED\",\"checkedOn\":\"" + today() + "\"}", 400, "status"),
                new Refusal("{\"checkedOn\":\"" + today() + "\"}", 400, "status"))) {
            given().contentType(ContentType.JSON).body(r.body())
                    .when().put(path)
                    .then().statusCode(r.status()).contentType("application/problem+json").body("field", equalTo(r.field()));
        }
        given().get(path).then().body("status", equalTo("PASSED")).body("checkedOn", equalTo(today().minusDays(5).toString()));

        // The marker: a valid outcome for the same candidate. Its event is the very next one: the refusals published nothing.
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"status\":\"PENDING\"}")
                .put(path).then().statusCode(200).header("ETag", "\"3\"");
        List<CloudEvent> events = events(topic, id, 3);
        assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.FIT_AND_PROPER_RECORDED, CandidateEventTypes.FIT_AND_PROPER_RECORDED),
                events.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals("{\"status\":\"PASSED\",\"checkedOn\":\"" + today().minusDays(5) + "\"}",
                events.get(1).data().get("state").get("fitAndProper").toString());
        assertEquals("{\"status\":\"PENDING\",\"checkedOn\":null}", events.get(2).data().get("state").get("fitAndProper").toString());
    }
}
