package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A POST retried with the same Idempotency-Key answers the first response and changes nothing; the same
 * key with another request is refused; a refused request leaves its key unused; keys are per caller.
 */
@QuarkusTest
class IdempotencyKeyTest {
    @Test
    void aRetriedCreateAnswersTheFirstResponseAndCreatesNothingMore() {
        String ods = OrganisationApiTest.newOdsCode();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(OrganisationApiTest.organisation(ods, 3)).post("/api/v1/organisations")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract();

        // Without the key this second POST would be 409 (the ODS code is registered): it is the first answer again.
        ExtractableResponse<Response> again = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(OrganisationApiTest.organisation(ods, 3)).post("/api/v1/organisations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), again.jsonPath().getMap(""));
        given().get("/api/v1/organisations/" + ods).then().statusCode(200).header("ETag", "\"1\"");

        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(ods, 3)).post("/api/v1/organisations")
                .then().statusCode(409);
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceCreateOnce() throws Exception {
        String ods = OrganisationApiTest.newOdsCode();
        String key = UUID.randomUUID().toString();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExtractableResponse<Response>>> answers = two.invokeAll(List.of(
                    () -> post(ods, key), () -> post(ods, key)));
            List<Integer> statuses = new ArrayList<>();
            List<String> replayed = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                statuses.add(answer.get().statusCode());
                replayed.add(String.valueOf(answer.get().header("Idempotent-Replayed")));
            }
            assertEquals(List.of(201, 201), statuses);
            assertEquals(1, replayed.stream().filter("true"::equals).count(), "one of the two is the replay: " + replayed);
        } finally {
            two.shutdown();
        }
        given().get("/api/v1/organisations/" + ods).then().statusCode(200).header("ETag", "\"1\"");
    }

    private static ExtractableResponse<Response> post(String ods, String key) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(OrganisationApiTest.organisation(ods, 3)).post("/api/v1/organisations").then().extract();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String ods = OrganisationApiTest.newOdsCode();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(ods, 3))
                .post("/api/v1/organisations").then().statusCode(201);
        String other = OrganisationApiTest.newOdsCode();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(other, 3))
                .post("/api/v1/organisations").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key")).body("detail", containsString("another request"));
        given().get("/api/v1/organisations/" + other).then().statusCode(404);
    }

    @Test
    void aRefusedRequestLeavesItsKeyUnused() {
        String taken = OrganisationApiTest.newOdsCode();
        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(taken, 3)).post("/api/v1/organisations")
                .then().statusCode(201);
        String key = UUID.randomUUID().toString();
        // Refused by the service, inside the transaction the key would be claimed in.
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(taken, 3))
                .post("/api/v1/organisations").then().statusCode(409);
        String ods = OrganisationApiTest.newOdsCode();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(ods, 3))
                .post("/api/v1/organisations").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void keysBelongToTheirCallerAndMustBeVisibleAscii() {
        String key = UUID.randomUUID().toString();
        String own = OrganisationApiTest.newOdsCode();
        String other = OrganisationApiTest.newOdsCode();
        given().header("Authorization", "Bearer " + TestTokens.mint("hr", own)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(OrganisationApiTest.organisation(own))
                .post("/api/v1/organisations").then().statusCode(201);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(other, 3))
                .post("/api/v1/organisations").then().statusCode(201).header("Idempotent-Replayed", nullValue());

        String third = OrganisationApiTest.newOdsCode();
        given().header("Idempotency-Key", "x".repeat(256)).contentType(ContentType.JSON).body(OrganisationApiTest.organisation(third, 3))
                .post("/api/v1/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));
        given().get("/api/v1/organisations/" + third).then().statusCode(404);
    }
}
