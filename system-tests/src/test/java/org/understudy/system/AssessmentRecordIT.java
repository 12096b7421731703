package org.understudy.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regulator's record of what was known when a decision was taken, on the real processes:
 * the stored assessment does not move when the data does, as-of its time reproduces it, the chain
 * verifies, and tampering with a row in the database is reported.
 */
class AssessmentRecordIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    @Test
    void aRecordedAssessmentStaysAsItWasAndTamperingIsDetected() throws Exception {
        String ods = "A" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"%s","name":"Assessment Test NHS Trust","region":"SOUTH_EAST","organisationType":"COMMUNITY",
                         "foundationTrust":true,"integratedCareBoardCode":"QNX","oversightSegment":3}""".formatted(ods))
                .post("/api/v1/organisations").then().statusCode(201);
        String postId = given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body("{\"odsCode\":\"" + ods + "\",\"role\":\"CHIEF_EXECUTIVE\"}")
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId");
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.succession.baseUrl())
                .get("/api/v1/succession/posts/" + postId).then().statusCode(200));

        // A regulator records whether dismissing this chief executive would be credible: it is not.
        JsonPath recorded = given().baseUri(stack.succession.baseUrl()).contentType(ContentType.JSON)
                .body("{\"postId\":\"" + postId + "\",\"purpose\":\"Board paper: options after the CQC report\"}")
                .post("/api/v1/succession/assessments").then().statusCode(201)
                .body("credible", equalTo(false))
                .extract().jsonPath();
        String id = recorded.getString("assessmentId");
        String answer = given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/assessments/" + id)
                .then().statusCode(200).extract().jsonPath().getString("answer");

        // The data changes: a pipeline candidate whose fit-and-proper check holds is named interim cover,
        // and dismissal becomes credible.
        StoryClient story = new StoryClient(stack);
        UUID interim = story.candidate("Interim Example", List.of("SOUTH_EAST"), List.of("COMMUNITY"), false);
        story.fitAndProper(interim, "PASSED", LocalDate.now().minusDays(10));
        given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body("{\"candidateId\":\"" + interim + "\",\"namedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/posts/" + postId + "/interim-cover").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.succession.baseUrl())
                .get("/api/v1/succession/posts/" + postId + "/dismissal-readiness").then().statusCode(200)
                .body("credible", equalTo(true)));

        // The stored assessment is unchanged, and as-of its time the view gives the same answer.
        JsonPath stored = given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/assessments/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(answer, stored.getString("answer"));
        assertEquals(recorded.getString("hash"), stored.getString("hash"));
        assertFalse(stored.getBoolean("credible"));
        JsonPath asOf = given().baseUri(stack.succession.baseUrl()).get(stored.getString("reproduce"))
                .then().statusCode(200).extract().jsonPath();
        assertFalse(asOf.getBoolean("credible"));
        assertEquals(stored.getInt("answer.numbers.readyNow"), asOf.getInt("numbers.readyNow"));
        assertEquals(stored.getList("answer.reasons.code"), asOf.getList("reasons.code"));

        given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/assessments/verification")
                .then().statusCode(200).body("status", equalTo("OK"));

        // The table refuses changes; someone with the power to switch that off is still caught.
        long sequence = stored.getLong("sequence");
        try (Connection db = stack.infra.postgres().connect(stack.database("succession-service"))) {
            SQLException refused = assertThrows(SQLException.class, () -> update(db, id));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            try (Statement s = db.createStatement()) {
                s.execute("ALTER TABLE dismissal_assessment DISABLE TRIGGER dismissal_assessment_append_only");
                update(db, id);
                s.execute("ALTER TABLE dismissal_assessment ENABLE TRIGGER dismissal_assessment_append_only");
            }
        }
        given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/assessments/verification")
                .then().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("firstBroken.sequence", equalTo((int) sequence))
                .body("firstBroken.assessmentId", equalTo(id));
    }

    private static void update(Connection db, String assessmentId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE dismissal_assessment SET purpose = 'nothing to see here' WHERE assessment_id = ?")) {
            p.setObject(1, UUID.fromString(assessmentId));
            p.executeUpdate();
        }
    }
}
