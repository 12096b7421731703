package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A candidate registration retried with its Idempotency-Key gets the first answer (201, the same id)
 * instead of 409 for the e-mail it registered a moment ago; the same key for another person is refused.
 */
@QuarkusTest
class CandidateIdempotencyKeyTest {
    @Test
    void aRetriedRegistrationAnswersTheSameCandidate() {
        String body = Fixtures.candidate();
        String key = UUID.randomUUID().toString();
        String id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/candidates")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("candidateId");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/candidates")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("candidateId", equalTo(id));
        // Without a key, the same registration is the duplicate it is.
        given().contentType(ContentType.JSON).body(body).post("/api/v1/candidates").then().statusCode(409);

        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Fixtures.candidate()).post("/api/v1/candidates")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));
    }
}
