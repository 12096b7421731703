package org.understudy.system;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reconciliation check on the real processes: recomputed from vacancy-service's and
 * candidate-service's exports, the view agrees with them; a view row changed behind the service's
 * back is reported with the post, the field, the expected and the actual value.
 */
class ReconciliationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    private static JsonPath reconcile() {
        return given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/reconciliation")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until nothing differs (events of this or earlier tests may still be on their way). */
    private static JsonPath awaitAgreement() {
        JsonPath[] last = new JsonPath[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last[0] = reconcile();
            assertEquals(List.of(), last[0].getList("differences"), "differences");
        });
        return last[0];
    }

    @Test
    void theViewAgreesWithTheSourcesAndAChangedRowIsReported() throws Exception {
        StoryClient story = new StoryClient(stack);
        String ods = "RC" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36, 36 * 36 * 36), 36).toUpperCase();
        story.organisation(ods, "Reconciliation Test NHS Trust", "NORTH_EAST_AND_YORKSHIRE", "MENTAL_HEALTH", 2, 201);
        UUID ceo = story.post(ods, "CHIEF_EXECUTIVE");
        UUID chair = story.post(ods, "CHAIR");
        LocalDate checked = LocalDate.now().minusMonths(2);
        for (int i = 0; i < 3; i++) {
            UUID candidate = story.candidate("Reconciliation Person " + i, List.of("NORTH_EAST_AND_YORKSHIRE"), List.of("MENTAL_HEALTH"), false);
            story.fitAndProper(candidate, "PASSED", checked);
            story.assess(candidate, "CHIEF_EXECUTIVE", i < 2 ? "READY_NOW" : "READY_1_2_YEARS", checked);
            if (i == 0) {
                story.nominate(candidate, chair, "READY_NOW");
            }
        }
        story.awaitView(ceo, StoryClient.Numbers.of(2, 1, 0, 2, "VIABLE"), then -> { });
        story.awaitView(chair, StoryClient.Numbers.of(1, 0, 1, 0, "THIN"), then -> { });

        JsonPath agreed = awaitAgreement();
        assertEquals(0, agreed.getInt("differenceCount"));

        // An auditor with database access changes the CEO post's count behind the service's back.
        try (Connection db = stack.infra.postgres().connect(stack.database("succession-service"))) {
            setReadyNow(db, ceo, 7);
            try {
                JsonPath report = reconcile();
                assertEquals(1, report.getInt("differenceCount"));
                assertEquals(List.of(Map.of("postId", ceo.toString(), "field", "readyNow", "expected", "2", "actual", "7")),
                        report.getList("differences"));
            } finally {
                setReadyNow(db, ceo, 2);
            }
        }
        assertEquals(0, reconcile().getInt("differenceCount"));
    }

    /** Lag and backlog are in readiness as well as in the metrics: what an operator watches drain after a fault. */
    @Test
    void readinessShowsTheOutboxBacklogAndTheConsumerLag() {
        for (ServiceProcess service : stack.services()) {
            JsonPath ready = given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertEquals("UP", ready.getString("checks.find { it.name == 'consumer lag' }.status"), service.name());
            assertEquals(Integer.class, ready.get("checks.find { it.name == 'consumer lag' }.data.total").getClass(), service.name());
            assertEquals(Integer.class, ready.get("checks.find { it.name == 'outbox relay' }.data.pending").getClass(), service.name());
        }
        // The Kafka client's per-partition lag reaches the meter registry when the metrics binder next
        // looks (once a minute): until then readiness shows the total alone.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonPath succession = given().baseUri(stack.succession.baseUrl()).get("/q/health/ready").then().extract().jsonPath();
            Map<String, Object> lag = succession.getMap("checks.find { it.name == 'consumer lag' }.data");
            assertEquals(true, lag.containsKey("vacancy-events") && lag.containsKey("candidate-events"), "lag per consumed topic: " + lag);
        });
    }

    private static void setReadyNow(Connection db, UUID postId, int readyNow) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE post_succession SET ready_now = ? WHERE post_id = ?")) {
            update.setInt(1, readyNow);
            update.setObject(2, postId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
