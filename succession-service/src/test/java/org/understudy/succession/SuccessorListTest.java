package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
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

/**
 * A post's successor list: the people behind its numbers, and those named who do not count with the
 * rule that excludes each, by candidate id; hr users only for their own trust.
 */
@QuarkusTest
class SuccessorListTest {
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

    @Test
    void whoCountsAndWhyTheOthersNamedDoNot() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastMonth = today.minusMonths(1);
        Region region = Region.SOUTH_WEST;
        OrganisationType type = OrganisationType.AMBULANCE;
        String trust = "W" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        story.organisation(trust, region, type, 4, today.minusDays(5)); // a challenged segment

        StoryEvents.Candidate holder = story.candidate(region, type, lastMonth);
        StoryEvents.Candidate named = willing(story.candidate(region, type, lastMonth)).named(post, ReadinessLevel.READY_NOW, lastMonth);
        StoryEvents.Candidate pool = willing(story.candidate(region, type, lastMonth)).readyAsCeo(ReadinessLevel.READY_NOW, lastMonth);
        StoryEvents.Candidate soon = willing(story.candidate(region, type, lastMonth)).named(post, ReadinessLevel.READY_1_2_YEARS, lastMonth);
        StoryEvents.Candidate unwilling = story.candidate(region, type, lastMonth).named(post, ReadinessLevel.READY_NOW, lastMonth);
        StoryEvents.Candidate lapsed = willing(story.candidate(region, type, today.minusYears(2))).named(post, ReadinessLevel.READY_NOW, lastMonth);
        StoryEvents.Candidate stale = willing(story.candidate(region, type, lastMonth)).named(post, ReadinessLevel.READY_NOW, today.minusMonths(20));
        StoryEvents.Candidate withdrawn = willing(story.candidate(region, type, lastMonth)).named(post, ReadinessLevel.READY_NOW, lastMonth);
        withdrawn.status = CandidateStatus.WITHDRAWN;
        holder.named(post, ReadinessLevel.READY_NOW, lastMonth);
        holder.challenged = true;
        for (StoryEvents.Candidate c : List.of(holder, named, pool, soon, unwilling, lapsed, stale, withdrawn)) {
            c.publish(today.minusDays(4));
        }
        story.post(post, trust, BoardRole.CHIEF_EXECUTIVE, new PostState.Incumbent(holder.id, today.minusYears(3), false), null,
                VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(3)));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + post).then().statusCode(200)
                .body("readyNow", equalTo(2)).body("readySoon", equalTo(1)));
        JsonPath list = given().get("/api/v1/succession/posts/" + post + "/successors").then().statusCode(200).extract().jsonPath();

        assertEquals(trust, list.getString("odsCode"));
        assertEquals(List.of(named.id.toString(), pool.id.toString(), soon.id.toString()), list.getList("counting.candidateId"),
                "ready now (named first), then soon");
        assertEquals(List.of("NOW", "NOW", "SOON"), list.getList("counting.level"));
        assertEquals(List.of(true, false, true), list.getList("counting.named"));
        assertEquals(lastMonth.toString(), list.getString("counting[0].nomination.on"));
        assertEquals(lastMonth.plusMonths(18).plusDays(1).toString(), list.getString("counting[0].nomination.staleFrom"));
        assertEquals(lastMonth.plusMonths(12).plusDays(1).toString(), list.getString("counting[0].fitAndProper.lapsesOn"));
        assertEquals(lastMonth.plusMonths(12).plusDays(1).toString(), list.getString("counting[0].countsUntil"),
                "the check lapses before the assessment goes stale");
        assertEquals("READY_NOW", list.getString("counting[1].roleReadiness.level"));

        Map<String, List<String>> excluded = new java.util.HashMap<>();
        for (Map<String, Object> s : list.<Map<String, Object>>getList("namedNotCounting")) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> why = (List<Map<String, String>>) s.get("exclusions");
            excluded.put((String) s.get("candidateId"), why.stream().map(w -> w.get("code")).toList());
        }
        assertEquals(Map.of(
                holder.id.toString(), List.of("THE_INCUMBENT"),
                unwilling.id.toString(), List.of("WILL_NOT_TAKE_A_CHALLENGED_TRUST"),
                lapsed.id.toString(), List.of("FIT_AND_PROPER_NOT_VALID"),
                stale.id.toString(), List.of("ASSESSMENT_STALE"),
                withdrawn.id.toString(), List.of("WITHDRAWN")), excluded);

        // The trust's own hr team and the talent team read it; another trust's hr team and viewers do not.
        given().header("Authorization", "Bearer " + TestTokens.mint("hr", trust)).get("/api/v1/succession/posts/" + post + "/successors")
                .then().statusCode(200).body("counting.size()", equalTo(3));
        given().header("Authorization", "Bearer " + TestTokens.mint("talent")).get("/api/v1/succession/posts/" + post + "/successors")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.mint("hr", "R0A")).get("/api/v1/succession/posts/" + post + "/successors")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.mint("viewer")).get("/api/v1/succession/posts/" + post + "/successors")
                .then().statusCode(403);
        given().get("/api/v1/succession/posts/" + UUID.randomUUID() + "/successors").then().statusCode(404).body("field", equalTo("postId"));
    }

    private static StoryEvents.Candidate willing(StoryEvents.Candidate c) {
        c.challenged = true;
        return c;
    }
}
