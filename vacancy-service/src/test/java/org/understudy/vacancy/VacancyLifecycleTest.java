package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VacancyLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String FUTURE = LocalDate.now().plusDays(30).toString();

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

    static String newPost() {
        String ods = OrganisationApiTest.newOdsCode();
        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(ods, 4)).post("/api/v1/organisations").then().statusCode(201);
        return given().contentType(ContentType.JSON).body("{\"odsCode\":\"" + ods + "\",\"role\":\"CHIEF_EXECUTIVE\"}")
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId");
    }

    static String newVacancy(String postId) {
        return given().contentType(ContentType.JSON).body("{\"postId\":\"" + postId + "\"}")
                .post("/api/v1/vacancies").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("vacancyId");
    }

    static ValidatableResponse status(String vacancyId, String status, String closingDate) {
        String body = closingDate == null ? "{\"status\":\"" + status + "\"}"
                : "{\"status\":\"" + status + "\",\"closingDate\":\"" + closingDate + "\"}";
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/vacancies/" + vacancyId + "/status").then();
    }

    static String apply(String vacancyId, UUID candidateId) {
        String location = given().contentType(ContentType.JSON).body("{\"candidateId\":\"" + candidateId + "\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/applications").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static ValidatableResponse shortlist(String vacancyId, String... applicationIds) {
        String ids = String.join("\",\"", applicationIds);
        return given().contentType(ContentType.JSON).body("{\"applicationIds\":[" + (applicationIds.length == 0 ? "" : "\"" + ids + "\"") + "]}")
                .put("/api/v1/vacancies/" + vacancyId + "/shortlist").then();
    }

    private List<CloudEvent> eventsOf(String key, int count) {
        List<ConsumerRecord<String, String>> records = events.await(r -> r.key().equals(key), count, WAIT);
        return records.stream().map(r -> EventContract.parse(r.value())).toList();
    }

    @Test
    void aVacancysWholeLifeIsAnEventPerChangeAndTheAppointmentChangesTheIncumbent() {
        String postId = newPost();
        String vacancyId = newVacancy(postId);
        status(vacancyId, "OPEN", FUTURE).statusCode(200).body("status", equalTo("OPEN"))
                .body("firstAdvertisedOn", equalTo(LocalDate.now().toString()));
        UUID ada = UUID.randomUUID();
        UUID bo = UUID.randomUUID();
        UUID cy = UUID.randomUUID();
        String adaApp = apply(vacancyId, ada);
        String boApp = apply(vacancyId, bo);
        String cyApp = apply(vacancyId, cy);
        given().queryParam("reason", "took another post").delete("/api/v1/vacancies/" + vacancyId + "/applications/" + cyApp)
                .then().statusCode(200).body("telemetry.applicationsWithdrawn", equalTo(1));
        status(vacancyId, "SHORTLISTING", null).statusCode(200);
        shortlist(vacancyId, adaApp, boApp).statusCode(200).body("telemetry.shortlistSize", equalTo(2));
        status(vacancyId, "INTERVIEWING", null).statusCode(200);
        status(vacancyId, "OFFERED", null).statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"applicationId\":\"" + adaApp + "\",\"startDate\":\"" + LocalDate.now() + "\",\"interim\":false}")
                .post("/api/v1/vacancies/" + vacancyId + "/appointment")
                .then().statusCode(200)
                .body("status", equalTo("FILLED"))
                .body("appointedCandidateId", equalTo(ada.toString()))
                .body("telemetry.applicationsReceived", equalTo(3))
                .body("telemetry.timeToAppointDays", equalTo(0))
                .body("allowedTransitions", hasSize(0));
        given().get("/api/v1/posts/" + postId).then().statusCode(200)
                .body("incumbent.candidateId", equalTo(ada.toString()))
                .body("incumbent.interim", equalTo(false));

        List<CloudEvent> vacancyEvents = eventsOf(vacancyId, 11);
        assertEquals(List.of(VacancyEventTypes.VACANCY_CREATED, VacancyEventTypes.VACANCY_STATUS_CHANGED,
                VacancyEventTypes.VACANCY_APPLICATION_RECEIVED, VacancyEventTypes.VACANCY_APPLICATION_RECEIVED,
                VacancyEventTypes.VACANCY_APPLICATION_RECEIVED, VacancyEventTypes.VACANCY_APPLICATION_WITHDRAWN,
                VacancyEventTypes.VACANCY_STATUS_CHANGED, VacancyEventTypes.VACANCY_SHORTLIST_CHANGED,
                VacancyEventTypes.VACANCY_STATUS_CHANGED, VacancyEventTypes.VACANCY_STATUS_CHANGED,
                VacancyEventTypes.VACANCY_FILLED), vacancyEvents.stream().map(CloudEvent::type).toList());
        for (int i = 0; i < vacancyEvents.size(); i++) {
            assertEquals(i + 1, vacancyEvents.get(i).data().get("version").asLong(), "versions grow by one");
        }
        var shortlisted = vacancyEvents.get(7).data().get("state");
        assertEquals(2, shortlisted.get("shortlistSize").asInt());
        assertEquals("[\"shortlist\"]", vacancyEvents.get(7).data().get("changed").toString());
        assertEquals("FILLED", vacancyEvents.get(10).data().get("state").get("status").asText());

        CloudEvent incumbentChanged = eventsOf(postId, 2).get(1);
        assertEquals(VacancyEventTypes.POST_INCUMBENT_CHANGED, incumbentChanged.type());
        assertEquals(ada.toString(), incumbentChanged.data().get("state").get("incumbent").get("candidateId").asText());
    }

    @Test
    void anIllegalTransitionIsAConflictSayingWhatIsAllowedAndChangesNothing() {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "INTERVIEWING", null).statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("status"))
                .body("detail", containsString("it can go to OPEN, WITHDRAWN"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("status", equalTo("DRAFT")).body("version", equalTo(1));
        assertEquals(1, events.during(r -> r.key().equals(vacancyId), Duration.ofSeconds(1)).size());
    }

    @Test
    void aPostHasAtMostOneVacancyInPlay() {
        String postId = newPost();
        newVacancy(postId);
        given().contentType(ContentType.JSON).body("{\"postId\":\"" + postId + "\"}")
                .post("/api/v1/vacancies").then().statusCode(409).body("field", equalTo("postId"));
        given().queryParam("postId", postId).get("/api/v1/vacancies").then().body("total", equalTo(1));
    }

    @Test
    void openingNeedsAClosingDateAfterToday() {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "OPEN", null).statusCode(400).body("field", equalTo("closingDate"));
        status(vacancyId, "OPEN", LocalDate.now().toString()).statusCode(400).body("field", equalTo("closingDate"));
        status(vacancyId, "OPEN", "31/12/2030").statusCode(400).body("field", equalTo("closingDate"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aLapsedVacancyIsReadvertisedAndCounted() {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "OPEN", FUTURE).statusCode(200);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"LAPSED\",\"reason\":\"no appointable candidate\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/close").then().statusCode(200)
                .body("status", equalTo("LAPSED")).body("closeReason", equalTo("no appointable candidate"));
        status(vacancyId, "OPEN", LocalDate.now().plusDays(40).toString()).statusCode(200)
                .body("telemetry.readverts", equalTo(1))
                .body("closedOn", nullValue());
        CloudEvent readvert = eventsOf(vacancyId, 4).get(3);
        assertEquals(1, readvert.data().get("state").get("readverts").asInt());
    }

    @Test
    void onlyAShortlistedCandidateCanBeAppointed() {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "OPEN", FUTURE).statusCode(200);
        String a = apply(vacancyId, UUID.randomUUID());
        String b = apply(vacancyId, UUID.randomUUID());
        status(vacancyId, "SHORTLISTING", null).statusCode(200);
        shortlist(vacancyId, a).statusCode(200);
        status(vacancyId, "INTERVIEWING", null).statusCode(200);
        given().contentType(ContentType.JSON).body("{\"applicationId\":\"" + b + "\",\"startDate\":\"" + LocalDate.now() + "\",\"interim\":true}")
                .post("/api/v1/vacancies/" + vacancyId + "/appointment")
                .then().statusCode(409).body("field", equalTo("applicationId"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("status", equalTo("INTERVIEWING"));
    }

    @Test
    void applicationsAreTakenOnlyWhileOpenAndOncePerCandidate() {
        String vacancyId = newVacancy(newPost());
        UUID candidate = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"candidateId\":\"" + candidate + "\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/applications").then().statusCode(409).body("field", equalTo("status"));
        status(vacancyId, "OPEN", FUTURE).statusCode(200);
        apply(vacancyId, candidate);
        given().contentType(ContentType.JSON).body("{\"candidateId\":\"" + candidate + "\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/applications").then().statusCode(409).body("field", equalTo("candidateId"));
        given().contentType(ContentType.JSON).body("{\"candidateId\":\"not-a-uuid\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/applications").then().statusCode(400).body("field", equalTo("candidateId"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("telemetry.applicationsReceived", equalTo(1));
    }

    @Test
    void theShortlistNamesOnlyLiveApplicationsOfThisVacancy() {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "OPEN", FUTURE).statusCode(200);
        String a = apply(vacancyId, UUID.randomUUID());
        status(vacancyId, "SHORTLISTING", null).statusCode(200);
        shortlist(vacancyId, a, UUID.randomUUID().toString()).statusCode(404).body("field", equalTo("applicationIds[1]"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("telemetry.shortlistSize", equalTo(0));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String vacancyId = newVacancy(newPost());
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"OPEN\",\"closingDate\":\"" + FUTURE + "\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/status").then().statusCode(200).header("ETag", "\"2\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"WITHDRAWN\"}")
                .post("/api/v1/vacancies/" + vacancyId + "/status").then().statusCode(409).body("field", equalTo("If-Match"));
        given().get("/api/v1/vacancies/" + vacancyId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void concurrentChangesToOneVacancyAreNeverLost() throws Exception {
        String vacancyId = newVacancy(newPost());
        status(vacancyId, "OPEN", FUTURE).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(CompletableFuture.supplyAsync(() -> apply(vacancyId, UUID.randomUUID()), pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/vacancies/" + vacancyId).then()
                .body("telemetry.applicationsReceived", equalTo(16))
                .body("version", equalTo(18));
        assertEquals(18, eventsOf(vacancyId, 18).size());
    }

    @Test
    void incumbentsChangeWithAReasonAndTheirHistoryIsKept() {
        String postId = newPost();
        given().contentType(ContentType.JSON).body("{\"name\":\"Dr Jane Example\",\"since\":\"2022-04-01\",\"interim\":false}")
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(200)
                .body("incumbent.name", equalTo("Dr Jane Example"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Sam Interim\",\"since\":\"2025-01-06\",\"interim\":true}")
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(400).body("field", equalTo("previousLeftBecause"));
        UUID interim = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"candidateId\":\"" + interim + "\",\"since\":\"2025-01-06\",\"interim\":true,\"previousLeftBecause\":\"DISMISSED\"}")
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(200)
                .body("incumbent.candidateId", equalTo(interim.toString()))
                .body("lastDepartureReason", equalTo("DISMISSED"));
        given().contentType(ContentType.JSON).body("{\"date\":\"2025-09-30\",\"reason\":\"END_OF_INTERIM\"}")
                .post("/api/v1/posts/" + postId + "/incumbent/departure").then().statusCode(200)
                .body("incumbent", nullValue());
        given().get("/api/v1/posts/" + postId + "/incumbents").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].reasonLeft", equalTo("END_OF_INTERIM"))
                .body("[1].name", equalTo("Dr Jane Example"))
                .body("[1].reasonLeft", equalTo("DISMISSED"))
                .body("[1].until", equalTo("2025-01-06"));

        List<ConsumerRecord<String, String>> records = events.await(r -> r.key().equals(postId), 4, WAIT);
        records.forEach(r -> assertEquals(-1, r.value().indexOf("Jane Example"), "names are never published"));
        CloudEvent left = EventContract.parse(records.get(3).value());
        assertEquals(VacancyEventTypes.POST_INCUMBENT_LEFT, left.type());
        assertEquals("END_OF_INTERIM", left.data().get("state").get("lastDeparture").get("reason").asText());
        assertEquals(4, left.data().get("version").asLong());
    }

    @Test
    void anInterimCoverIsNamedAndClearedWithAnEventWithoutTheName() {
        String postId = newPost();
        given().contentType(ContentType.JSON).body("{\"name\":\"Pat Cover\",\"namedOn\":\"2026-01-05\"}")
                .put("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(200)
                .body("interimCover.name", equalTo("Pat Cover")).body("version", equalTo(2));
        given().delete("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(200)
                .body("interimCover", nullValue()).body("version", equalTo(3));
        given().delete("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(200).body("version", equalTo(3));
        given().contentType(ContentType.JSON).body("{\"namedOn\":\"2026-01-05\"}")
                .put("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(400).body("field", equalTo("candidateId"));

        List<CloudEvent> postEvents = eventsOf(postId, 3);
        assertEquals(VacancyEventTypes.POST_INTERIM_COVER_CHANGED, postEvents.get(1).type());
        assertEquals("2026-01-05", postEvents.get(1).data().get("state").get("interimCover").get("namedOn").asText());
        assertTrue(postEvents.get(2).data().get("state").get("interimCover").isNull());
        events.during(r -> r.key().equals(postId), Duration.ofMillis(500))
                .forEach(r -> assertEquals(-1, r.value().indexOf("Pat Cover"), "names are never published"));
    }

    @Test
    void anIncumbentIsACandidateOrANameNotBoth() {
        String postId = newPost();
        given().contentType(ContentType.JSON).body("{\"candidateId\":\"" + UUID.randomUUID() + "\",\"name\":\"X\",\"since\":\"2022-04-01\",\"interim\":false}")
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(400).body("field", equalTo("candidateId"));
        given().contentType(ContentType.JSON).body("{\"date\":\"2025-09-30\",\"reason\":\"RESIGNED\"}")
                .post("/api/v1/posts/" + postId + "/incumbent/departure").then().statusCode(409);
        given().get("/api/v1/posts/" + postId).then().body("incumbent", nullValue()).body("version", equalTo(1));
    }

    @Test
    void listsAreSortableAndRefuseUnknownSortFields() {
        given().queryParam("sort", "-oversightSegment,name").get("/api/v1/organisations").then().statusCode(200);
        given().queryParam("sort", "salary").get("/api/v1/organisations").then().statusCode(400).body("field", equalTo("sort"));
        given().queryParam("sort", "-createdAt").get("/api/v1/posts").then().statusCode(200);
        given().queryParam("sort", "closingDate,status").get("/api/v1/vacancies").then().statusCode(200);
    }
}
