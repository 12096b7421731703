package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.CloudEvent;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.understudy.candidate.Fixtures.register;
import static org.understudy.candidate.Fixtures.today;

@QuarkusTest
class AuditAndConcurrencyTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final String AUDIT = "/api/v1/audit/personal-data-reads";

    @Test
    void everyResponseWithPersonalDataIsRecordedAndListable() {
        String id = register();
        given().get("/api/v1/candidates/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"notes\":\"audited\"}").patch("/api/v1/candidates/" + id).then().statusCode(200);
        given().queryParam("size", 500).get("/api/v1/candidates").then().statusCode(200).body("items.candidateId", hasItem(id));
        // Responses without personal data are not recorded.
        Fixtures.assess(id, "CHAIR", "READY_NOW", today());
        given().get("/api/v1/candidates/" + id + "/readiness/history").then().statusCode(200);
        given().get("/api/v1/candidates/" + id + "/fit-and-proper").then().statusCode(200);

        given().queryParam("candidateId", id).get(AUDIT).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.endpoint", contains("GET /api/v1/candidates", "PATCH /api/v1/candidates/{candidateId}",
                        "GET /api/v1/candidates/{candidateId}", "POST /api/v1/candidates"))
                .body("items.reader", everyItem(equalTo("admin-user")))
                .body("items.candidateId", everyItem(equalTo(id)));
        given().queryParam("candidateId", id).queryParam("reader", "someone-else").get(AUDIT).then().body("total", equalTo(0));
        given().queryParam("candidateId", id).queryParam("size", 1).queryParam("page", 3).get(AUDIT).then()
                .body("items", hasSize(1)).body("items[0].endpoint", equalTo("POST /api/v1/candidates"));

        // Once erased, reading the candidate discloses nothing, so nothing more is recorded.
        given().delete("/api/v1/candidates/" + id).then().statusCode(204);
        given().get("/api/v1/candidates/" + id).then().statusCode(200);
        given().queryParam("candidateId", id).get(AUDIT).then().body("total", equalTo(4));

        given().queryParam("candidateId", "nope").get(AUDIT).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("candidateId"));
    }

    @Test
    void concurrentChangesWithoutIfMatchAreAllKeptInOrder() throws Exception {
        String id = register();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            String[] roles = {"CHIEF_EXECUTIVE", "CHAIR", "CHIEF_FINANCIAL_OFFICER", "CHIEF_MEDICAL_OFFICER"};
            for (int i = 0; i < writers; i++) {
                int n = i;
                changes.add(() -> n % 2 == 0
                        ? given().contentType(ContentType.JSON).body(Fixtures.readiness(roles[n / 2], "READY_NOW", today()))
                        .put("/api/v1/candidates/" + id + "/readiness").statusCode()
                        : given().contentType(ContentType.JSON).body("{\"notes\":\"writer " + n + "\"}")
                        .patch("/api/v1/candidates/" + id).statusCode());
            }
            for (Future<Integer> result : pool.invokeAll(changes)) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/candidates/" + id).then().body("version", equalTo(1 + writers)).body("readiness", hasSize(4));
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS)) {
            List<CloudEvent> events = Fixtures.events(topic, id, 1 + writers);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).data().get("version").asLong(), "versions are contiguous and in order");
            }
            assertEquals(4, events.get(writers).data().get("state").get("readiness").size());
        }
    }

    @Test
    void concurrentChangesFromTheSameReadLetOnlyOneWin() throws Exception {
        String id = register();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            for (String notes : List.of("first", "second")) {
                changes.add(() -> given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"notes\":\"" + notes + "\"}")
                        .patch("/api/v1/candidates/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(changes)) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/candidates/" + id).then().body("version", equalTo(2));
    }
}
