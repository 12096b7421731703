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
import static org.hamcrest.Matchers.contains;
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

        // The marker: a legal move of the same vacancy. Its event is the very next one: the refusal published nothing.
        status(vacancyId, "OPEN", FUTURE).statusCode(200).body("version", equalTo(2));
        List<CloudEvent> vacancyEvents = eventsOf(vacancyId, 2);
        assertEquals(List.of(VacancyEventTypes.VACANCY_CREATED, VacancyEventTypes.VACANCY_STATUS_CHANGED),
                vacancyEvents.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L), vacancyEvents.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals("OPEN", vacancyEvents.get(1).data().get("state").get("status").asText());
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
                .body("{\"candidateId\":\"" + interim + "\",\"since\":\"2025-01-06\",\"interim\":true,\"previousLeftBecause\":\"MUTUAL_AGREEMENT\"}")
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(200)
                .body("incumbent.candidateId", equalTo(interim.toString()))
                .body("lastDepartureReason", equalTo("MUTUAL_AGREEMENT"));
        given().contentType(ContentType.JSON).body("{\"date\":\"2025-09-30\",\"reason\":\"END_OF_INTERIM\"}")
                .post("/api/v1/posts/" + postId + "/incumbent/departure").then().statusCode(200)
                .body("incumbent", nullValue());
        given().get("/api/v1/posts/" + postId + "/incumbents").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].reasonLeft", equalTo("END_OF_INTERIM"))
                .body("[1].name", equalTo("Dr Jane Example"))
                .body("[1].reasonLeft", equalTo("MUTUAL_AGREEMENT"))
                .body("[1].until", equalTo("2025-01-06"));

        List<ConsumerRecord<String, String>> records = events.await(r -> r.key().equals(postId), 4, WAIT);
        records.forEach(r -> assertEquals(-1, r.value().indexOf("Jane Example"), "names are never published"));
        CloudEvent settled = EventContract.parse(records.get(2).value());
        assertEquals(VacancyEventTypes.POST_INCUMBENT_CHANGED, settled.type());
        assertEquals("MUTUAL_AGREEMENT", settled.data().get("state").get("lastDeparture").get("reason").asText(),
                "a settlement travels as itself (contract version 2)");
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
        // The marker: a further cover named on the same post. Its event follows the clearing directly, so the
        // repeated clearing and the refused naming published nothing.
        given().contentType(ContentType.JSON).body("{\"name\":\"Lee Marker\",\"namedOn\":\"2026-02-02\"}")
                .put("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(200).body("version", equalTo(4));

        List<ConsumerRecord<String, String>> records = events.await(r -> r.key().equals(postId), 4, WAIT);
        List<CloudEvent> postEvents = records.stream().map(r -> EventContract.parse(r.value())).toList();
        assertEquals(List.of(VacancyEventTypes.POST_CREATED, VacancyEventTypes.POST_INTERIM_COVER_CHANGED,
                VacancyEventTypes.POST_INTERIM_COVER_CHANGED, VacancyEventTypes.POST_INTERIM_COVER_CHANGED),
                postEvents.stream().map(CloudEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), postEvents.stream().map(e -> e.data().get("version").asLong()).toList());
        assertEquals("2026-01-05", postEvents.get(1).data().get("state").get("interimCover").get("namedOn").asText());
        assertTrue(postEvents.get(2).data().get("state").get("interimCover").isNull());
        assertEquals("2026-02-02", postEvents.get(3).data().get("state").get("interimCover").get("namedOn").asText());
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(-1, record.value().indexOf("Pat Cover"), "names are never published");
            assertEquals(-1, record.value().indexOf("Lee Marker"), "names are never published");
        }
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
        // Four organisations, their ODS codes (the default order) in the order they are created, which is not the order asked for.
        String prefix = OrganisationApiTest.newOdsCode().substring(0, 4);
        String charlie = prefix + "1";
        String alpha = prefix + "2";
        String bravo = prefix + "3";
        String delta = prefix + "4";
        registerCommunityTrust(charlie, 4, "Charlie Community Trust");
        registerCommunityTrust(alpha, 2, "Alpha Community Trust");
        registerCommunityTrust(bravo, 4, "Bravo Community Trust");
        registerCommunityTrust(delta, 5, "Delta Community Trust");
        // Highest segment first; within segment 4, by name.
        given().queryParam("sort", "-oversightSegment,name").queryParam("organisationType", "COMMUNITY").queryParam("size", 500)
                .get("/api/v1/organisations").then().statusCode(200)
                .body(only("odsCode", charlie, alpha, bravo, delta) + ".odsCode", contains(delta, bravo, charlie, alpha))
                .body(only("odsCode", charlie, alpha, bravo, delta) + ".oversightSegment", contains(5, 4, 4, 2));
        given().queryParam("sort", "salary").get("/api/v1/organisations").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("sort"));

        // Posts of one organisation, newest first: the reverse of the order they were created in (not the default role order).
        String nurse = post(charlie, "CHIEF_NURSE");
        String chair = post(charlie, "CHAIR");
        String chief = post(charlie, "CHIEF_EXECUTIVE");
        String finance = post(charlie, "CHIEF_FINANCIAL_OFFICER");
        given().queryParam("odsCode", charlie).queryParam("sort", "-createdAt").get("/api/v1/posts").then().statusCode(200)
                .body("items.postId", contains(finance, chief, chair, nurse))
                .body("items.role", contains("CHIEF_FINANCIAL_OFFICER", "CHIEF_EXECUTIVE", "CHAIR", "CHIEF_NURSE"));

        // Vacancies by closing date, the status breaking the tie among the three that close on the same day.
        String soon = LocalDate.now().plusDays(30).toString();
        String later = LocalDate.now().plusDays(40).toString();
        String shortlisting = newVacancy(nurse);
        status(shortlisting, "OPEN", soon).statusCode(200);
        status(shortlisting, "SHORTLISTING", null).statusCode(200);
        String openLater = newVacancy(chair);
        status(openLater, "OPEN", later).statusCode(200);
        String openSoon = newVacancy(chief);
        status(openSoon, "OPEN", soon).statusCode(200);
        String draft = given().contentType(ContentType.JSON).body("{\"postId\":\"" + finance + "\",\"closingDate\":\"" + soon + "\"}")
                .post("/api/v1/vacancies").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("vacancyId");
        given().queryParam("odsCode", charlie).queryParam("sort", "closingDate,status").get("/api/v1/vacancies").then().statusCode(200)
                .body("items.vacancyId", contains(draft, openSoon, shortlisting, openLater))
                .body("items.closingDate", contains(soon, soon, soon, later))
                .body("items.status", contains("DRAFT", "OPEN", "SHORTLISTING", "OPEN"));
        given().queryParam("odsCode", charlie).queryParam("sort", "closingDate,-status").get("/api/v1/vacancies").then().statusCode(200)
                .body("items.vacancyId", contains(shortlisting, openSoon, draft, openLater))
                .body("items.status", contains("SHORTLISTING", "OPEN", "DRAFT", "OPEN"));
    }

    private static void registerCommunityTrust(String ods, int segment, String name) {
        String body = OrganisationApiTest.organisation(ods, segment)
                .replace("Test Hospitals NHS Foundation Trust", name).replace("\"ACUTE\"", "\"COMMUNITY\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/organisations").then().statusCode(201)
                .body("name", equalTo(name)).body("organisationType", equalTo("COMMUNITY"));
    }

    private static String post(String ods, String role) {
        return given().contentType(ContentType.JSON).body("{\"odsCode\":\"" + ods + "\",\"role\":\"" + role + "\"}")
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId");
    }

    /** A GPath keeping, in the order served, only the items whose field is one of the values. */
    private static String only(String field, String... values) {
        return "items.findAll { it." + field + " in ['" + String.join("','", values) + "'] }";
    }
}
