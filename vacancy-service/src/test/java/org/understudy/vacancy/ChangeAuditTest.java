package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.security.TestTokens;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who changed an organisation's details, a post's incumbent, departure and interim cover, and when. */
@QuarkusTest
class ChangeAuditTest {
    private static final String CHANGES = "/api/v1/audit/changes";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void everyChangeIsRecordedWithItsCallerAndOnlyRegulatorsAndAdminsReadThem() {
        String ods = OrganisationApiTest.newOdsCode();
        String hr = TestTokens.mint("hr", ods);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        as(hr).body(OrganisationApiTest.organisation(ods)).post("/api/v1/organisations").then().statusCode(201);
        as(hr).body(OrganisationApiTest.organisation(ods).replace("NHS", "Health")).put("/api/v1/organisations/" + ods).then().statusCode(200);
        String post = as(hr).body(Map.of("odsCode", ods, "role", "CHIEF_EXECUTIVE")).post("/api/v1/posts").then().statusCode(201)
                .extract().path("postId");
        as(hr).body(Map.of("name", "A Holder", "since", today.minusYears(2).toString(), "interim", false))
                .put("/api/v1/posts/" + post + "/incumbent").then().statusCode(200);
        as(hr).body(Map.of("name", "A Cover", "namedOn", today.toString())).put("/api/v1/posts/" + post + "/interim-cover").then().statusCode(200);
        as(hr).body(Map.of("date", today.toString(), "reason", "RESIGNED")).post("/api/v1/posts/" + post + "/incumbent/departure")
                .then().statusCode(200);
        String other = OrganisationApiTest.newOdsCode();
        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(other, 2)).post("/api/v1/organisations").then().statusCode(201);

        JsonPath changes = as(TestTokens.mint("regulator")).queryParam("odsCode", ods).get(CHANGES).then().statusCode(200)
                .body("total", equalTo(6)).extract().jsonPath();
        assertEquals(List.of(VacancyEventTypes.POST_INCUMBENT_LEFT, VacancyEventTypes.POST_INTERIM_COVER_CHANGED,
                        VacancyEventTypes.POST_INCUMBENT_CHANGED, VacancyEventTypes.POST_CREATED,
                        VacancyEventTypes.ORGANISATION_UPDATED, VacancyEventTypes.ORGANISATION_CREATED),
                changes.getList("items.eventType"), "newest first");
        assertEquals(List.of("hr-user"), changes.getList("items.changedBy").stream().distinct().toList());
        assertEquals(List.of(post, post, post, post, ods, ods), changes.getList("items.aggregateId"));
        assertEquals(List.of("name"), changes.getList("items[4].changed"), "the field's name, not its value");
        assertEquals(List.of("interimCover"), changes.getList("items[1].changed"));

        // The admin's organisation is another's; days filter; nothing after today.
        as(TestTokens.mint("admin")).queryParam("odsCode", other).get(CHANGES).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].changedBy", equalTo("admin-user"));
        as(TestTokens.mint("admin")).queryParam("odsCode", ods).queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(CHANGES).then().statusCode(200).body("total", equalTo(6));
        as(TestTokens.mint("admin")).queryParam("odsCode", ods).queryParam("from", today.plusDays(1).toString())
                .get(CHANGES).then().statusCode(200).body("total", equalTo(0));

        // Not for the trust itself, nor the talent team; bad parameters name themselves.
        as(hr).get(CHANGES).then().statusCode(403);
        as(TestTokens.mint("talent")).get(CHANGES).then().statusCode(403);
        as(TestTokens.mint("admin")).queryParam("from", "last week").get(CHANGES).then().statusCode(400).body("field", equalTo("from"));
        as(TestTokens.mint("admin")).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get(CHANGES).then().statusCode(400).body("field", equalTo("to"));
        as(TestTokens.mint("admin")).queryParam("odsCode", "not an ods").get(CHANGES).then().statusCode(400).body("field", equalTo("odsCode"));
    }
}
