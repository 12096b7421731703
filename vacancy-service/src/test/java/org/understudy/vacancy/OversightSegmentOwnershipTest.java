package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.TopicReader;
import org.understudy.infra.security.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oversight segment is the regulator's: a trust's hr users cannot set or change it (403 naming
 * the field, nothing stored or published); the regulator sets it through its own operation, which
 * records who, when and from which day, in the organisation, its event and the change audit.
 */
@QuarkusTest
class OversightSegmentOwnershipTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    TopicReader events;

    @BeforeEach
    void openTopic() {
        events = new TopicReader(bootstrap, Topics.VACANCY_EVENTS);
    }

    @AfterEach
    void closeTopic() {
        events.close();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void hrRegistersWithoutASegmentAndCannotSetOne() {
        String ods = OrganisationApiTest.newOdsCode();
        String hr = TestTokens.mint("hr", ods);

        as(hr).body(OrganisationApiTest.organisation(ods, 1)).post("/api/v1/organisations").then()
                .statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("oversightSegment"))
                .body("detail", containsString("regulator"));
        given().get("/api/v1/organisations/" + ods).then().statusCode(404);

        as(hr).body(OrganisationApiTest.organisation(ods)).post("/api/v1/organisations").then().statusCode(201)
                .body("oversightSegment", nullValue())
                .body("oversightSegmentSetBy", nullValue());

        as(hr).header("If-Match", "\"1\"").body(OrganisationApiTest.organisation(ods, 1)).put("/api/v1/organisations/" + ods).then()
                .statusCode(403).contentType("application/problem+json").body("field", equalTo("oversightSegment"));
        as(hr).body(Map.of("segment", 1)).put("/api/v1/organisations/" + ods + "/oversight-segment").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/organisations/" + ods).then().statusCode(200).body("version", equalTo(1)).body("oversightSegment", nullValue());

        // What hr may change still changes, and a segment left out is kept.
        as(hr).header("If-Match", "\"1\"").body(OrganisationApiTest.organisation(ods).replace("NORTH_WEST", "MIDLANDS"))
                .put("/api/v1/organisations/" + ods).then().statusCode(200).body("version", equalTo(2)).body("region", equalTo("MIDLANDS"));

        List<CloudEvent> published = eventsOf(ods, 2);
        assertEquals(List.of(VacancyEventTypes.ORGANISATION_CREATED, VacancyEventTypes.ORGANISATION_UPDATED),
                published.stream().map(CloudEvent::type).toList(), "the refusals published nothing");
        assertTrue(published.get(0).data().get("state").get("oversightSegment").isNull(), "an unset segment travels as null");
        assertEquals("[\"region\"]", published.get(1).data().get("changed").toString());
    }

    @Test
    void theRegulatorSetsTheSegmentAndItsSetterTravelsWithIt() {
        String ods = OrganisationApiTest.newOdsCode();
        String hr = TestTokens.mint("hr", ods);
        as(hr).body(OrganisationApiTest.organisation(ods)).post("/api/v1/organisations").then().statusCode(201);
        LocalDate since = LocalDate.now(ZoneOffset.UTC).minusMonths(2);
        String regulator = TestTokens.mint("regulator");

        as(regulator).header("If-Match", "\"1\"").body(Map.of("segment", 4, "since", since.toString()))
                .put("/api/v1/organisations/" + ods + "/oversight-segment").then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("oversightSegment", equalTo(4))
                .body("oversightSegmentSince", equalTo(since.toString()))
                .body("oversightSegmentSetBy", equalTo("regulator-user"));
        // The same again changes nothing; a stale version, a future day and a bad segment are refused.
        as(regulator).body(Map.of("segment", 4, "since", since.toString())).put("/api/v1/organisations/" + ods + "/oversight-segment")
                .then().statusCode(200).body("version", equalTo(2));
        as(regulator).header("If-Match", "\"1\"").body(Map.of("segment", 5)).put("/api/v1/organisations/" + ods + "/oversight-segment")
                .then().statusCode(409).body("field", equalTo("If-Match"));
        as(regulator).body(Map.of("segment", 5, "since", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))
                .put("/api/v1/organisations/" + ods + "/oversight-segment").then().statusCode(400).body("field", equalTo("since"));
        as(regulator).body(Map.of("segment", 6)).put("/api/v1/organisations/" + ods + "/oversight-segment").then().statusCode(400)
                .body("field", equalTo("segment"));
        as(regulator).body(Map.of("segment", 2)).put("/api/v1/organisations/NOPE1/oversight-segment").then().statusCode(404);

        // hr may send back the segment it read (a read-modify-write), not another.
        as(hr).body(OrganisationApiTest.organisation(ods, 4).replace("Test Hospitals", "Renamed Hospitals"))
                .put("/api/v1/organisations/" + ods).then().statusCode(200).body("oversightSegment", equalTo(4)).body("version", equalTo(3));
        as(hr).body(OrganisationApiTest.organisation(ods, 2)).put("/api/v1/organisations/" + ods).then().statusCode(403)
                .body("field", equalTo("oversightSegment"));
        given().get("/api/v1/organisations/" + ods).then().body("oversightSegment", equalTo(4)).body("version", equalTo(3));

        List<CloudEvent> published = eventsOf(ods, 3);
        CloudEvent set = published.get(1);
        assertEquals(VacancyEventTypes.ORGANISATION_UPDATED, set.type());
        assertEquals("[\"oversightSegment\",\"oversightSegmentSince\"]", set.data().get("changed").toString());
        assertEquals(4, set.data().get("state").get("oversightSegment").asInt());
        assertEquals(since.toString(), set.data().get("state").get("oversightSegmentSince").asText());
        assertEquals("regulator-user", set.data().get("state").get("oversightSegmentSetBy").asText());
        assertTrue(set.data().get("state").hasNonNull("oversightSegmentSetAt"));
        assertEquals("[\"name\"]", published.get(2).data().get("changed").toString());

        as(TestTokens.mint("admin")).queryParam("odsCode", ods).get("/api/v1/audit/changes").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[1].changedBy", equalTo("regulator-user"))
                .body("items[1].changed", equalTo(List.of("oversightSegment", "oversightSegmentSince")));
    }

    private List<CloudEvent> eventsOf(String ods, int count) {
        return events.await(r -> r.key().equals(ods), count, Duration.ofSeconds(15)).stream()
                .map(ConsumerRecord::value).map(EventContract::parse).toList();
    }
}
