package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganisationApiTest {
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

    static String newOdsCode() {
        return "T" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    /** An organisation as a trust's hr team registers it: without the regulator's segment. */
    static String organisation(String ods) {
        return organisation(ods, 1).replace(",\"oversightSegment\":1", "");
    }

    static String organisation(String ods, int segment) {
        return """
                {"odsCode":"%s","name":"Test Hospitals NHS Foundation Trust","region":"NORTH_WEST",
                 "organisationType":"ACUTE","foundationTrust":true,"integratedCareBoardCode":"QOP","oversightSegment":%d}
                """.formatted(ods, segment);
    }

    @Test
    void registeringAnOrganisationStoresItAndPublishesTheContractedEvent() {
        String ods = newOdsCode();
        given().contentType(ContentType.JSON).body(organisation(ods, 3))
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organisations/" + ods))
                .body("odsCode", equalTo(ods))
                .body("region", equalTo("NORTH_WEST"))
                .body("version", equalTo(1));

        given().when().get("/api/v1/organisations/" + ods)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("oversightSegment", equalTo(3));

        ConsumerRecord<String, String> record = events.await(r -> r.key().equals(ods), 1, Duration.ofSeconds(15)).get(0);
        CloudEvent event = EventContract.parse(record.value());
        assertEquals(VacancyEventTypes.ORGANISATION_CREATED, event.type());
        assertEquals(ods, event.subject());
        assertEquals("/vacancy-service", event.source());
        assertEquals(1, event.data().get("version").asLong());
        assertEquals(3, event.data().get("state").get("oversightSegment").asInt());
    }

    @Test
    void aChangeOfSegmentIsAnEventNamingWhatChanged() {
        String ods = newOdsCode();
        given().contentType(ContentType.JSON).body(organisation(ods, 2)).post("/api/v1/organisations").then().statusCode(201);

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(organisation(ods, 4))
                .when().put("/api/v1/organisations/" + ods)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("oversightSegment", equalTo(4))
                .body("version", equalTo(2));

        List<ConsumerRecord<String, String>> records = events.await(r -> r.key().equals(ods), 2, Duration.ofSeconds(15));
        CloudEvent updated = EventContract.parse(records.get(1).value());
        assertEquals(VacancyEventTypes.ORGANISATION_UPDATED, updated.type());
        assertEquals(2, updated.data().get("version").asLong());
        assertEquals("[\"oversightSegment\"]", updated.data().get("changed").toString());
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String ods = newOdsCode();
        given().contentType(ContentType.JSON).body(organisation(ods, 2)).post("/api/v1/organisations").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(organisation(ods, 3)).put("/api/v1/organisations/" + ods).then().statusCode(200);

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(organisation(ods, 5))
                .when().put("/api/v1/organisations/" + ods)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("If-Match"));

        given().get("/api/v1/organisations/" + ods).then().body("oversightSegment", equalTo(3)).body("version", equalTo(2));

        // The marker: a current If-Match. Its event is the very next one of the organisation: the refusal published nothing.
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(organisation(ods, 1))
                .put("/api/v1/organisations/" + ods).then().statusCode(200).body("version", equalTo(3));
        List<CloudEvent> published = eventsOf(ods, 3);
        assertEquals(List.of(VacancyEventTypes.ORGANISATION_CREATED, VacancyEventTypes.ORGANISATION_UPDATED, VacancyEventTypes.ORGANISATION_UPDATED),
                published.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), published.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals(List.of(2, 3, 1), published.stream().map(e -> e.data().get("state").get("oversightSegment").asInt()).toList());
    }

    @Test
    void aDuplicateOdsCodeIsAConflictAndPublishesNothingMore() {
        String ods = newOdsCode();
        given().contentType(ContentType.JSON).body(organisation(ods, 1)).post("/api/v1/organisations").then().statusCode(201);

        given().contentType(ContentType.JSON).body(organisation(ods, 1))
                .when().post("/api/v1/organisations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("odsCode"))
                .body("status", equalTo(409));

        // The marker: an update of the same organisation. Its event is the very next one: the duplicate published nothing.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(organisation(ods, 2))
                .put("/api/v1/organisations/" + ods).then().statusCode(200).body("version", equalTo(2));
        List<CloudEvent> published = eventsOf(ods, 2);
        assertEquals(List.of(VacancyEventTypes.ORGANISATION_CREATED, VacancyEventTypes.ORGANISATION_UPDATED),
                published.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L), published.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals(List.of(1, 2), published.stream().map(e -> e.data().get("state").get("oversightSegment").asInt()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing name            | \"name\":\"Test Hospitals NHS Foundation Trust\", | ''                        | name",
            "segment out of range    | \"oversightSegment\":2                           | \"oversightSegment\":7    | oversightSegment",
            "segment not a number    | \"oversightSegment\":2                           | \"oversightSegment\":\"x\" | oversightSegment",
            "unknown region          | \"region\":\"NORTH_WEST\"                        | \"region\":\"WALES\"      | region",
            "lower-case ODS code     | \"odsCode\":\"%s\"                               | \"odsCode\":\"r0a\"       | odsCode",
            "unknown field           | \"foundationTrust\":true                         | \"foundationTrust\":true,\"ceoEmail\":\"a@b\" | ceoEmail",
            "bad ICB code            | \"integratedCareBoardCode\":\"QOP\"              | \"integratedCareBoardCode\":\"not an icb\" | integratedCareBoardCode",
            "NUL byte in the name    | \"name\":\"Test Hospitals NHS Foundation Trust\" | \"name\":\"Test \\u0000Hospitals\" | name",
    })
    void invalidInputIsAProblemNamingTheFieldAndStoresNothing(String why, String replace, String with, String field) {
        String ods = newOdsCode();
        String body = organisation(ods, 2).replace(replace.formatted(ods), with);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("field", equalTo(field));

        given().get("/api/v1/organisations/" + ods).then().statusCode(404).contentType("application/problem+json");

        // The marker: the valid registration of the same ODS code. Its event is the organisation's first: the refusal published nothing.
        given().contentType(ContentType.JSON).body(organisation(ods, 2)).post("/api/v1/organisations").then().statusCode(201);
        List<CloudEvent> published = eventsOf(ods, 1);
        assertEquals(List.of(VacancyEventTypes.ORGANISATION_CREATED), published.stream().map(CloudEvent::type).toList(),
                why + ": an event was published");
        assertEquals(1, published.get(0).data().get("version").asLong());
    }

    /** Waits for the organisation's first {@code count} events and returns every one of its events read so far, in order. */
    private List<CloudEvent> eventsOf(String ods, int count) {
        return events.await(r -> r.key().equals(ods), count, Duration.ofSeconds(15)).stream()
                .map(r -> EventContract.parse(r.value())).toList();
    }

    /** PostgreSQL cannot store a NUL byte: in a path or query parameter it is refused naming the parameter, never a 500. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/organisations/%00                  | odsCode",
            "/api/v1/organisations/R0A%00               | odsCode",
            "/api/v1/organisations?page=0&sort=name%00  | sort",
            "/api/v1/posts?odsCode=%00                  | odsCode",
            "/api/v1/vacancies?odsCode=nul%00inside     | odsCode",
    })
    void aNulByteInAParameterIsRefusedNamingIt(String path, String field) {
        given().urlEncodingEnabled(false).get(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString("NUL"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"odsCode\": ")
                .when().post("/api/v1/organisations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void listingFiltersAndPages() {
        String a = newOdsCode();
        String b = newOdsCode();
        given().contentType(ContentType.JSON).body(organisation(a, 5)).post("/api/v1/organisations").then().statusCode(201);
        given().contentType(ContentType.JSON).body(organisation(b, 5)).post("/api/v1/organisations").then().statusCode(201);

        given().queryParam("oversightSegment", 5).queryParam("size", 500)
                .when().get("/api/v1/organisations")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2))
                .body("items.findAll { it.odsCode == '" + a + "' || it.odsCode == '" + b + "' }.odsCode",
                        contains(a.compareTo(b) < 0 ? a : b, a.compareTo(b) < 0 ? b : a));

        given().queryParam("size", 0).get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("size"));
        given().queryParam("page", 1_000_001).get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("page"));
        given().queryParam("page", 1_000_000).get("/api/v1/organisations").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void parametersHaveTheLengthTheOpenApiDocumentSays() {
        String long201 = "A".repeat(201);
        given().queryParam("sort", long201).get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("sort"))
                .body("detail", equalTo("must be at most 200 characters"));
        given().get("/api/v1/organisations/" + long201)
                .then().statusCode(400).body("field", equalTo("odsCode"));
        given().header("If-Match", "\"" + long201 + "\"").contentType(ContentType.JSON).body(organisation("ZZ8", 2))
                .put("/api/v1/organisations/ZZ8").then().statusCode(400).body("field", equalTo("If-Match"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/organisations'.get.parameters.find { it.name == 'sort' }.schema.maxLength", equalTo(200))
                .body("paths.'/api/v1/organisations'.get.parameters.find { it.name == 'page' }.schema.maximum", equalTo(1000000))
                .body("components.schemas.OrganisationRequest.properties.odsCode.maxLength", equalTo(5))
                .body("paths.'/api/v1/organisations'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }
}
