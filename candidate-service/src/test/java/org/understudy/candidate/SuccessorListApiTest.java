package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.infra.security.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A post's successor list with names: who counts comes from succession-service (here its stand-in),
 * read with the caller's own token; names are added for talent, admin and the trust's own hr users,
 * each disclosure audited; the regulator gets ids only; another trust's hr users get 403.
 */
@QuarkusTest
class SuccessorListApiTest {
    private static final String AUDIT = "/api/v1/audit/personal-data-reads";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String stub() {
        return ConfigProvider.getConfig().getValue("understudy.succession-service.url", String.class);
    }

    private static void answer(UUID post, int status, String body) {
        given().baseUri(stub()).header("X-Status", status).body(body).put("/stub/" + post).then().statusCode(204);
    }

    @Test
    void namesForThoseWhoMaySeeThemAndEachDisclosureAudited() throws Exception {
        String ods = "S" + Fixtures.token().toUpperCase().substring(0, 3);
        UUID post = Fixtures.announcePost(bootstrap, ods, BoardRole.CHIEF_EXECUTIVE);
        String ready = Fixtures.register(Fixtures.candidate("Ada Ready " + Fixtures.token(), "ada." + Fixtures.token() + "@example.nhs.uk"));
        String lapsed = Fixtures.register(Fixtures.candidate("Ben Lapsed " + Fixtures.token(), "ben." + Fixtures.token() + "@example.nhs.uk"));
        answer(post, 200, """
                {"postId":"%s","odsCode":"%s","role":"CHIEF_EXECUTIVE","day":"2026-12-06",
                 "counting":[{"candidateId":"%s","level":"NOW","named":true,
                   "nomination":{"level":"READY_NOW","on":"2026-11-06","staleFrom":"2028-05-07"},"roleReadiness":null,
                   "fitAndProper":{"status":"PASSED","checkedOn":"2026-11-06","lapsesOn":"2027-11-07"},"countsUntil":"2027-11-07","exclusions":[]}],
                 "namedNotCounting":[{"candidateId":"%s","level":null,"named":true,
                   "nomination":{"level":"READY_NOW","on":"2026-11-06","staleFrom":"2028-05-07"},"roleReadiness":null,
                   "fitAndProper":{"status":"PASSED","checkedOn":"2024-12-06","lapsesOn":"2025-12-07"},"countsUntil":null,
                   "exclusions":[{"code":"FIT_AND_PROPER_NOT_VALID","words":"no fit-and-proper check holds on the day (none, failed, or lapsed)"}]}]}
                """.formatted(post, ods, ready, lapsed));
        String list = "/api/v1/successor-lists/" + post;

        // The post reaches this service through vacancy-events.
        String hr = TestTokens.mint("hr", ods);
        await().atMost(Fixtures.WAIT).until(() -> as(TestTokens.mint("regulator")).get(list).statusCode() == 200); // discloses nothing
        JsonPath own = as(hr).get(list).then().statusCode(200).extract().jsonPath();
        assertEquals(true, own.getBoolean("namesShown"));
        assertEquals(ready, own.getString("counting[0].candidateId"));
        assertEquals("Deputy Chief Executive", own.getString("counting[0].person.currentJobTitle"));
        assertEquals(true, own.getString("counting[0].person.name").startsWith("Ada Ready"));
        assertEquals(true, own.getString("namedNotCounting[0].person.name").startsWith("Ben Lapsed"));
        assertEquals("FIT_AND_PROPER_NOT_VALID", own.getString("namedNotCounting[0].exclusions[0].code"));
        assertEquals("2027-11-07", own.getString("counting[0].fitAndProper.lapsesOn"));
        assertEquals("Bearer " + hr, given().baseUri(stub()).get("/stub/" + post + "/authorization").asString(),
                "the caller's own token went to succession-service");
        given().queryParam("candidateId", ready).queryParam("reader", "hr-user").get(AUDIT).then()
                .body("total", equalTo(1)).body("items[0].endpoint", equalTo("GET /api/v1/successor-lists/{postId}"));

        as(TestTokens.mint("talent")).get(list).then().statusCode(200).body("namesShown", equalTo(true));
        // The regulator sees the queue, not the people; nothing is disclosed, nothing recorded.
        as(TestTokens.mint("regulator")).get(list).then().statusCode(200)
                .body("namesShown", equalTo(false))
                .body("counting[0].candidateId", equalTo(ready))
                .body("counting.person", everyItem(nullValue()))
                .body("namedNotCounting.person", everyItem(nullValue()));
        given().queryParam("candidateId", lapsed).queryParam("reader", "regulator-user").get(AUDIT).then().body("total", equalTo(0));

        // Another trust's hr team and viewers are refused, and nothing goes to succession-service for them.
        String lastAsked = given().baseUri(stub()).get("/stub/" + post + "/authorization").asString();
        as(TestTokens.mint("hr", "R0A")).get(list).then().statusCode(403).contentType("application/problem+json");
        assertEquals(lastAsked, given().baseUri(stub()).get("/stub/" + post + "/authorization").asString());
        as(TestTokens.mint("viewer")).get(list).then().statusCode(403);

        // succession-service failing, or not knowing the post.
        answer(post, 503, "{}");
        given().get(list).then().statusCode(502).contentType("application/problem+json").body("field", equalTo("succession-service"));
        answer(post, 404, "{}");
        given().get(list).then().statusCode(404).body("field", equalTo("postId"));
        given().get("/api/v1/successor-lists/" + UUID.randomUUID()).then().statusCode(404).body("field", equalTo("postId"));
        given().get("/api/v1/successor-lists/not-a-post").then().statusCode(404).body("field", equalTo("postId"));
    }
}
