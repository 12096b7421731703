package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.AdminTokenFilter;
import org.understudy.infra.security.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An hr user changes only the organisations in the token's {@code orgs} claim (403 elsewhere,
 * with nothing stored), reads every organisation, and an admin changes any.
 */
@QuarkusTest
class OrganisationScopeTest {
    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void hrWritesOnlyForTheOrganisationsInItsTokenAndReadsAll() {
        String own = OrganisationApiTest.newOdsCode();
        String other = OrganisationApiTest.newOdsCode();
        String hr = TestTokens.mint("hr", own.toLowerCase());

        as(hr).body(OrganisationApiTest.organisation(own)).post("/api/v1/organisations").then().statusCode(201);
        as(hr).body(OrganisationApiTest.organisation(other, 3)).post("/api/v1/organisations").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(other));
        given().get("/api/v1/organisations/" + other).then().statusCode(404);

        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(other, 3)).post("/api/v1/organisations").then().statusCode(201);
        as(hr).get("/api/v1/organisations/" + other).then().statusCode(200);
        as(hr).header("If-Match", "\"1\"").body(OrganisationApiTest.organisation(other, 4)).put("/api/v1/organisations/" + other)
                .then().statusCode(403);
        given().get("/api/v1/organisations/" + other).then().body("oversightSegment", equalTo(3));

        String ownPost = as(hr).body("{\"odsCode\":\"" + own + "\",\"role\":\"CHIEF_EXECUTIVE\"}").post("/api/v1/posts")
                .then().statusCode(201).extract().path("postId");
        as(hr).body("{\"odsCode\":\"" + other + "\",\"role\":\"CHIEF_EXECUTIVE\"}").post("/api/v1/posts").then().statusCode(403);
        String otherPost = given().contentType(ContentType.JSON).body("{\"odsCode\":\"" + other + "\",\"role\":\"CHAIR\"}")
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId");
        as(hr).get("/api/v1/posts/" + otherPost).then().statusCode(200);

        as(hr).body("{\"name\":\"Interim Person\",\"namedOn\":\"2026-01-05\"}").put("/api/v1/posts/" + otherPost + "/interim-cover")
                .then().statusCode(403);
        as(hr).body("{\"name\":\"Interim Person\",\"namedOn\":\"2026-01-05\"}").put("/api/v1/posts/" + ownPost + "/interim-cover")
                .then().statusCode(200);

        as(hr).body("{\"postId\":\"" + otherPost + "\"}").post("/api/v1/vacancies").then().statusCode(403);
        given().get("/api/v1/vacancies?postId=" + otherPost).then().body("total", equalTo(0));
        as(hr).body("{\"postId\":\"" + ownPost + "\"}").post("/api/v1/vacancies").then().statusCode(201);
        String otherVacancy = given().contentType(ContentType.JSON).body("{\"postId\":\"" + otherPost + "\"}")
                .post("/api/v1/vacancies").then().statusCode(201).extract().path("vacancyId");
        as(hr).body("{\"candidateId\":\"" + UUID.randomUUID() + "\"}").post("/api/v1/vacancies/" + otherVacancy + "/applications")
                .then().statusCode(403);
        as(hr).get("/api/v1/vacancies/" + otherVacancy).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aTokenWithoutOrganisationsChangesNone() {
        String ods = OrganisationApiTest.newOdsCode();
        as(TestTokens.mint("hr")).body(OrganisationApiTest.organisation(ods, 2)).post("/api/v1/organisations").then().statusCode(403);
        as(TestTokens.mint("talent")).body(OrganisationApiTest.organisation(ods, 2)).post("/api/v1/organisations").then().statusCode(403);
        given().header("Authorization", AdminTokenFilter.NO_TOKEN).body(OrganisationApiTest.organisation(ods, 2)).contentType(ContentType.JSON)
                .post("/api/v1/organisations").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().get("/api/v1/organisations/" + ods).then().statusCode(404);
    }
}
