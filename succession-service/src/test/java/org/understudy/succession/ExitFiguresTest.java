package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.Region;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.security.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every departure counts: those recorded on posts feed the exit figures whether or not the person is in
 * the pipeline, the same exit recorded by both services counts once, a settlement (MUTUAL_AGREEMENT) is
 * counted on its own, an interim's planned end not at all, and a dismissal recorded only on a post still
 * makes the next appointment of that person one "after dismissal".
 */
@QuarkusTest
class ExitFiguresTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    StoryEvents story;

    @BeforeEach
    void open() {
        story = new StoryEvents(bootstrap);
    }

    @AfterEach
    void close() {
        story.close();
    }

    private static String code(String first) {
        return first + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    @Test
    void departuresOnPostsAreExitsCountedOnceEach() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Region region = Region.NORTH_EAST_AND_YORKSHIRE;
        OrganisationType type = OrganisationType.MENTAL_HEALTH;
        String icb = code("Q");   // a board of its own, so that its group holds only this test's exits
        String trust = code("X");
        String other = code("X");
        story.organisation(trust, "Exit Story NHS Trust", region, type, 3, icb, today.minusYears(4));
        story.organisation(other, "Next Story NHS Trust", region, type, 3, icb, today.minusYears(4));

        // A chief executive outside the pipeline is dismissed (recorded on the post only).
        UUID ceo = UUID.randomUUID();
        story.post(ceo, trust, BoardRole.CHIEF_EXECUTIVE, new PostState.Incumbent(null, today.minusYears(3), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusYears(3)));
        story.departure(ceo, trust, BoardRole.CHIEF_EXECUTIVE, today.minusDays(10), LeavingReason.DISMISSED);

        // A chair leaves by settlement: counted on its own, not as voluntary.
        UUID chair = UUID.randomUUID();
        story.post(chair, trust, BoardRole.CHAIR, new PostState.Incumbent(null, today.minusYears(2), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusYears(2)));
        story.departure(chair, trust, BoardRole.CHAIR, today.minusDays(5), LeavingReason.MUTUAL_AGREEMENT);

        // A finance director in the pipeline resigns: both services record it (dated a day apart): one exit.
        StoryEvents.Candidate cfo = story.candidate(region, type, today.minusMonths(1));
        cfo.exit(null, trust, BoardRole.CHIEF_FINANCIAL_OFFICER, today.minusDays(19), ExitReason.RESIGNED).publish(today.minusDays(19));
        UUID finance = UUID.randomUUID();
        story.post(finance, trust, BoardRole.CHIEF_FINANCIAL_OFFICER, new PostState.Incumbent(cfo.id, today.minusYears(5), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusYears(1)));
        story.departure(finance, trust, BoardRole.CHIEF_FINANCIAL_OFFICER, today.minusDays(20), LeavingReason.RESIGNED);

        // An interim's planned end is not an exit.
        UUID nurse = UUID.randomUUID();
        story.post(nurse, trust, BoardRole.CHIEF_NURSE, new PostState.Incumbent(null, today.minusMonths(6), true), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusMonths(6)));
        story.departure(nurse, trust, BoardRole.CHIEF_NURSE, today.minusDays(3), LeavingReason.END_OF_INTERIM);

        // A medical director in the pipeline is dismissed (recorded on the post only), then appointed at the other trust.
        StoryEvents.Candidate doctor = story.candidate(region, type, today.minusMonths(1));
        doctor.publish(today.minusYears(3));
        UUID medical = UUID.randomUUID();
        story.post(medical, trust, BoardRole.CHIEF_MEDICAL_OFFICER, new PostState.Incumbent(doctor.id, today.minusYears(3), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusYears(3)));
        story.departure(medical, trust, BoardRole.CHIEF_MEDICAL_OFFICER, today.minusDays(60), LeavingReason.DISMISSED);

        // A chief operating officer in the pipeline is dismissed, then leads the integrated care board that oversees both trusts
        // (registered as an organisation of its own, its ODS code the one the trusts name as their board).
        StoryEvents.Candidate operator = story.candidate(region, type, today.minusMonths(1));
        operator.publish(today.minusYears(2));
        UUID operations = UUID.randomUUID();
        story.post(operations, other, BoardRole.CHIEF_OPERATING_OFFICER, new PostState.Incumbent(operator.id, today.minusYears(2), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusYears(2)));
        story.departure(operations, other, BoardRole.CHIEF_OPERATING_OFFICER, today.minusDays(100), LeavingReason.DISMISSED);
        story.organisation(icb, "Story Integrated Care Board", region, OrganisationType.INTEGRATED_CARE_BOARD, 2, null, today.minusYears(4));
        // A chief nurse in the pipeline is dismissed, then becomes the regional director of NHS England's team for the region.
        String team = code("Y");
        story.organisation(team, "Story Regional Team", region, OrganisationType.REGIONAL_TEAM, 1, null, today.minusYears(4));
        StoryEvents.Candidate nurseLeader = story.candidate(region, type, today.minusMonths(1));
        nurseLeader.exit(null, other, BoardRole.CHIEF_NURSE, today.minusDays(200), ExitReason.DISMISSED).publish(today.minusDays(200));

        // The dismissals are in the view (the appointments below must not overtake them: other partitions).
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("groupBy", "integratedCareBoard").get("/api/v1/succession/summary")
                .then().statusCode(200).body("groups.find { it.group == '" + icb + "' }.dismissalsLast12Months", equalTo(4)));
        String since = java.time.Instant.now().toString();
        UUID director = UUID.randomUUID();
        story.post(director, team, BoardRole.REGIONAL_DIRECTOR, new PostState.Incumbent(nurseLeader.id, today.minusDays(20), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(20)));
        UUID elsewhere = UUID.randomUUID();
        story.post(elsewhere, other, BoardRole.CHIEF_MEDICAL_OFFICER, new PostState.Incumbent(doctor.id, today.minusDays(30), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(30)));
        UUID board = UUID.randomUUID();
        story.post(board, icb, BoardRole.CHIEF_EXECUTIVE, new PostState.Incumbent(operator.id, today.minusDays(40), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(40)));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("groupBy", "integratedCareBoard").get("/api/v1/succession/summary")
                .then().statusCode(200)
                .body("groups.find { it.group == '" + icb + "' }.voluntaryExitsLast12Months", equalTo(1))
                .body("groups.find { it.group == '" + icb + "' }.mutualAgreementExitsLast12Months", equalTo(1))
                .body("groups.find { it.group == '" + icb + "' }.dismissalsLast12Months", equalTo(4)) // the chief executive's, medical director's, operating officer's, chief nurse's
                .body("groups.find { it.group == '" + icb + "' }.appointmentsAfterDismissal", equalTo(1))); // at the other trust (the board names no board of its own)
        given().queryParam("groupBy", "integratedCareBoard").queryParam("role", "CHAIR").get("/api/v1/succession/summary").then()
                .body("groups.find { it.group == '" + icb + "' }.mutualAgreementExitsLast12Months", equalTo(1))
                .body("groups.find { it.group == '" + icb + "' }.voluntaryExitsLast12Months", equalTo(0));

        // The regulator's list: each of them, with where they were dismissed from and, for the board, the trusts it oversees.
        String list = "/api/v1/succession/appointments-after-dismissal";
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", region.name()).queryParam("size", 500).get(list)
                .then().statusCode(200).body("items.find { it.postId == '" + board + "' }.organisation.odsCode", equalTo(icb)));
        JsonPath found = given().queryParam("region", region.name()).queryParam("size", 500).get(list)
                .then().statusCode(200).extract().jsonPath();
        String atBoard = "items.find { it.postId == '" + board + "' }.";
        assertEquals(operator.id.toString(), found.getString(atBoard + "incumbentCandidateId"));
        assertEquals(other, found.getString(atBoard + "dismissal.organisation.odsCode"));
        assertEquals("CHIEF_OPERATING_OFFICER", found.getString(atBoard + "dismissal.role"));
        assertEquals(60, found.getInt(atBoard + "dismissal.daysBefore"));
        assertEquals(Map.of("3", 2), found.getMap(atBoard + "overseenTrustsBySegment"));
        String atTrust = "items.find { it.postId == '" + elsewhere + "' }.";
        assertEquals(trust, found.getString(atTrust + "dismissal.organisation.odsCode"));
        assertEquals(3, found.getInt(atTrust + "dismissal.organisation.oversightSegment"));
        assertEquals(Map.of(), found.getMap(atTrust + "overseenTrustsBySegment"));
        assertNull(found.get("items.find { it.postId == '" + finance + "' }"), "a resignation is not a dismissal");
        String csv = given().accept("text/csv").queryParam("region", region.name()).queryParam("size", 500).get(list)
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("postId,role,odsCode,"), csv);
        assertTrue(csv.contains(board + ",CHIEF_EXECUTIVE," + icb + ",Story Integrated Care Board,"), csv);
        given().header("Authorization", "Bearer " + TestTokens.mint("viewer")).get(list).then().statusCode(403);

        // Each appointment raised one alert on succession-alerts (and in the alert log); the resignation raised none.
        String alertType = SuccessionEventTypes.APPOINTED_AFTER_DISMISSAL;
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath alerts = given().queryParam("region", region.name()).queryParam("since", since).queryParam("size", 500)
                    .get("/api/v1/succession/alerts")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(operator.id.toString()),
                    alerts.getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + board + "' }.data.state.candidateId"));
            assertEquals(List.of(trust),
                    alerts.getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + elsewhere + "' }.data.state.dismissedFromOdsCode"));
            assertEquals(List.of(), alerts.getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + finance + "' }"));
        });

        // The regional director: in the list, with the trusts of the region by segment, and alerted; NHS England's team
        // and the board are oversight bodies, kept out of trust figures unless asked for.
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", region.name()).queryParam("size", 500).get(list)
                .then().statusCode(200).body("items.find { it.postId == '" + director + "' }.dismissal.role", equalTo("CHIEF_NURSE")));
        JsonPath withDirector = given().queryParam("region", region.name()).queryParam("size", 500).get(list).then().extract().jsonPath();
        assertEquals("REGIONAL_TEAM", withDirector.getString("items.find { it.postId == '" + director + "' }.organisation.organisationType"));
        assertTrue(withDirector.getInt("items.find { it.postId == '" + director + "' }.overseenTrustsBySegment.'3'") >= 2,
                "the region's trusts, this test's two among them");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(nurseLeader.id.toString()), given().queryParam("region", region.name())
                .queryParam("since", since).queryParam("size", 500).get("/api/v1/succession/alerts").then().extract().jsonPath()
                .getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + director + "' }.data.state.candidateId")));
        String posts = "/api/v1/succession/posts";
        given().queryParam("region", region.name()).queryParam("role", "REGIONAL_DIRECTOR").queryParam("size", 500).get(posts).then()
                .statusCode(200).body("items.findAll { it.postId == '" + director + "' }.size()", equalTo(0));
        given().queryParam("region", region.name()).queryParam("role", "REGIONAL_DIRECTOR").queryParam("oversightBodies", true)
                .queryParam("size", 500).get(posts).then().statusCode(200).body("items.findAll { it.postId == '" + director + "' }.size()", equalTo(1));
        given().queryParam("organisationType", "INTEGRATED_CARE_BOARD").queryParam("size", 500).get(posts).then().statusCode(200)
                .body("items.findAll { it.postId == '" + board + "' }.size()", equalTo(1));
        int trustsOnly = given().queryParam("groupBy", "organisationType").get("/api/v1/succession/summary").then().statusCode(200)
                .extract().jsonPath().getList("groups.findAll { it.group == 'REGIONAL_TEAM' }").size();
        assertEquals(0, trustsOnly, "a trust figure leaves oversight bodies out");
        given().queryParam("groupBy", "organisationType").queryParam("oversightBodies", true).get("/api/v1/succession/summary").then()
                .statusCode(200).body("groups.find { it.group == 'REGIONAL_TEAM' }.posts", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // A dismissal that reaches the view after the appointment it precedes still raises the alert, once.
        StoryEvents.Candidate late = story.candidate(region, type, today.minusMonths(1));
        late.publish(today.minusDays(30));
        UUID lateBoard = UUID.randomUUID();
        story.post(lateBoard, trust, BoardRole.NON_EXECUTIVE_DIRECTOR, new PostState.Incumbent(late.id, today.minusDays(10), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(10)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + lateBoard).then().statusCode(200)
                .body("incumbent.candidateId", equalTo(late.id.toString())));
        late.exit(null, other, BoardRole.CHAIR, today.minusDays(50), ExitReason.DISMISSED).publish(today);
        late.exit(null, other, BoardRole.CHAIR, today.minusDays(50), ExitReason.DISMISSED).publish(today); // recorded twice: still one alert
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(late.id.toString()), given().queryParam("region", region.name())
                .queryParam("since", since).queryParam("size", 500).get("/api/v1/succession/alerts").then().extract().jsonPath()
                .getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + lateBoard + "' }.data.state.candidateId")));
        // The second record is applied after the first (one partition): once the view has reached a later event of the
        // same candidate, it is in, and it raised nothing more.
        late.publish(today);
        await().atMost(WAIT).pollDelay(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(1, given().queryParam("region", region.name())
                .queryParam("since", since).queryParam("size", 500).get("/api/v1/succession/alerts").then().extract().jsonPath()
                .getList("items.findAll { it.type == '" + alertType + "' && it.data.state.postId == '" + lateBoard + "' }").size()));
    }
}
