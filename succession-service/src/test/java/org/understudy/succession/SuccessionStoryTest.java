package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.events.Topics;
import org.understudy.events.VacancyStatus;
import org.understudy.infra.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trust's chief executive post over two years, told with the events the other services publish,
 * each number checked at each step (DESIGN.md, "The succession view").
 */
@QuarkusTest
class SuccessionStoryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The story starts two years ago, so that assessments can go stale and checks lapse within it. */
    private static final LocalDate START = LocalDate.now().minusMonths(24);

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

    private static LocalDate month(int m) {
        return START.plusMonths(m);
    }

    private static void expect(UUID postId, String path, Object value) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId).then().statusCode(200).body(path, equalTo(value)));
    }

    /**
     * The post's row in the live list shows the value as soon as the post does: the list keeps pages
     * written at a version of the view, and every event that changes a post must move the version on.
     */
    private static void expectListed(UUID postId, Region region, String path, Object value) {
        expect(postId, path, value);
        given().queryParam("region", region).queryParam("size", 500).get("/api/v1/succession/posts").then().statusCode(200)
                .body("items.find { it.postId == '" + postId + "' }." + path, equalTo(value));
    }

    private static void expectNumbers(UUID postId, int readyNow, int readySoon, int named, int pool, String replaceability) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + postId).then().statusCode(200)
                .body("readyNow", equalTo(readyNow))
                .body("readySoon", equalTo(readySoon))
                .body("namedReadyNow", equalTo(named))
                .body("poolReadyNow", equalTo(pool))
                .body("depth", equalTo(readyNow))
                .body("replaceability", equalTo(replaceability)));
    }

    @Test
    void aChiefExecutivePostOverTwoYears() {
        String ods = "Y" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        UUID incumbent = UUID.randomUUID();
        Region region = Region.SOUTH_WEST;
        OrganisationType type = OrganisationType.AMBULANCE;

        // A CEO post with no one ready.
        story.organisation(ods, region, type, 2, month(0));
        story.post(post, ods, incumbent, START.minusYears(3), false, month(0));
        expectNumbers(post, 0, 0, 0, 0, "NONE");

        // Ada: assessed ready now for chief executive roles, willing to work here: the pool.
        StoryEvents.Candidate ada = story.candidate(region, type, month(1)).readyAsCeo(ReadinessLevel.READY_NOW, month(1));
        ada.publish(month(1));
        expectNumbers(post, 1, 0, 0, 1, "THIN");

        // Ben: named successor for this post and in the pool too: one more person, not two.
        StoryEvents.Candidate ben = story.candidate(region, type, month(2))
                .readyAsCeo(ReadinessLevel.READY_NOW, month(2)).named(post, ReadinessLevel.READY_NOW, month(2));
        ben.publish(month(2));
        expectNumbers(post, 2, 0, 1, 2, "VIABLE");

        // Cai: named, ready in one to two years.
        story.candidate(region, type, month(3)).named(post, ReadinessLevel.READY_1_2_YEARS, month(3)).publish(month(3));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // The incumbent is ready for a CEO role too, but is not their own successor.
        StoryEvents.Candidate holder = story.candidate(region, type, month(4)).readyAsCeo(ReadinessLevel.READY_NOW, month(4));
        story.post(post, ods, holder.id, START.minusYears(3), false, month(4));
        holder.publish(month(4));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // Ben fails his fit and proper person check and drops out.
        ben.fit(FitAndProperStatus.FAILED, month(5)).publish(month(5));
        expectNumbers(post, 1, 1, 0, 1, "THIN");

        // Ada's check is renewed; Dee joins the pool.
        ada.fit(FitAndProperStatus.PASSED, month(6)).publish(month(6));
        StoryEvents.Candidate dee = story.candidate(region, type, month(7)).readyAsCeo(ReadinessLevel.READY_NOW, month(7));
        dee.publish(month(7));
        expectNumbers(post, 2, 1, 0, 2, "VIABLE");

        // A vacancy opens: three applications, one withdrawn; then a shortlist of two.
        UUID vacancy = UUID.randomUUID();
        story.vacancy(vacancy, post, ods, VacancyStatus.OPEN, 3, 1, 0, month(8), null, null, month(8));
        expectListed(post, region, "vacancy.applicants", 2);
        story.vacancy(vacancy, post, ods, VacancyStatus.SHORTLISTING, 3, 1, 2, month(8), null, null, month(9));
        expectListed(post, region, "vacancy.shortlisted", 2);
        expect(post, "vacancy.lastShortlistSize", 2);

        // Twenty-one months in, Dee is appointed. By then Ada's assessment (month 1) is stale (18 months)
        // and Cai's check (month 3) has lapsed (12 months): time passes before the appointment applies.
        // The appointee is then no longer counted as her own successor.
        story.vacancy(vacancy, post, ods, VacancyStatus.FILLED, 3, 1, 2, month(8), month(21), dee.id, month(21));
        story.post(post, ods, dee.id, month(21), false, month(21));
        expectNumbers(post, 0, 0, 0, 0, "NONE");
        expect(post, "incumbent.candidateId", dee.id.toString());
        expect(post, "vacancy.applicants", null);
        expect(post, "vacancy.lastShortlistSize", 2);

        // As of the day after the shortlist, the numbers were as they stood then.
        given().queryParam("asOf", month(9).plusDays(1).toString()).get("/api/v1/succession/posts/" + post)
                .then().statusCode(200)
                .body("readyNow", equalTo(2)).body("readySoon", equalTo(1)).body("replaceability", equalTo("VIABLE"))
                .body("vacancy.shortlisted", equalTo(2)).body("vacancy.applicants", equalTo(2))
                .body("asOf", startsWith(month(9).plusDays(1).toString()));
        given().queryParam("asOf", START.minusDays(1).toString()).get("/api/v1/succession/posts/" + post)
                .then().statusCode(404).body("field", equalTo("asOf"));

        // History: every change, with its cause; the expiries are dated when they happened.
        JsonPath history = given().get("/api/v1/succession/posts/" + post + "/history").then().statusCode(200).extract().jsonPath();
        List<String> causes = history.getList("cause");
        assertTrue(causes.contains("assessment-expired"), "expiries are in the history: " + causes);
        List<Integer> readyNow = history.getList("readyNow");
        assertEquals(0, readyNow.get(0));
        assertEquals(0, readyNow.get(readyNow.size() - 1));
        given().queryParam("from", month(5).toString()).queryParam("to", month(6).toString())
                .get("/api/v1/succession/posts/" + post + "/history").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].readyNow", equalTo(1));

        // The fall to NONE was announced on succession-alerts.
        try (TopicReader alerts = new TopicReader(bootstrap, Topics.SUCCESSION_ALERTS)) {
            List<ConsumerRecord<String, String>> records = alerts.await(r -> r.key().equals(post.toString()), 1, WAIT);
            CloudEvent alert = EventContract.parse(records.get(records.size() - 1).value());
            assertEquals(SuccessionEventTypes.REPLACEABILITY_FELL, alert.type());
            assertEquals("NONE", alert.data().get("state").get("to").asText());
            assertEquals("THIN", alert.data().get("state").get("from").asText());
        }

        // The list, filtered to this region, and the same as CSV.
        given().queryParam("region", region).queryParam("organisationType", type).queryParam("replaceability", "NONE")
                .get("/api/v1/succession/posts").then().statusCode(200)
                .body("items.postId", hasItem(post.toString()));
        String csv = given().accept("text/csv").queryParam("region", region).queryParam("organisationType", type)
                .get("/api/v1/succession/posts").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("postId,odsCode,organisationName"), csv);
        assertTrue(csv.contains(post + "," + ods + ",Story NHS Trust " + ods + ",SOUTH_WEST,AMBULANCE,2,CHIEF_EXECUTIVE,0,0,0,0,NONE"), csv);
    }

    @Test
    void aPostInAChallengedSegmentCountsOnlyThoseWhoWouldGoThere() {
        String ods = "Z" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        story.organisation(ods, Region.NORTH_WEST, OrganisationType.SPECIALIST, 4, today);
        story.post(post, ods, null, null, false, today);
        story.candidate(Region.NORTH_WEST, OrganisationType.SPECIALIST, today).named(post, ReadinessLevel.READY_NOW, today).publish(today);
        StoryEvents.Candidate willing = story.candidate(Region.NORTH_WEST, OrganisationType.SPECIALIST, today).named(post, ReadinessLevel.READY_NOW, today);
        willing.challenged = true;
        willing.publish(today);
        expectNumbers(post, 1, 0, 1, 0, "THIN");
        given().get("/api/v1/succession/posts/" + post).then().body("incumbent", nullValue());
    }

    @Test
    void rebuildingFromTheTopicsGivesTheSameView() {
        aPostInAChallengedSegmentCountsOnlyThoseWhoWouldGoThere();
        List<Map<String, Object>> before = snapshot();

        given().post("/api/v1/succession/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/succession/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
        JsonPath progress = given().get("/api/v1/succession/rebuild").then().extract().jsonPath();
        assertEquals(progress.getLong("eventsTotal"), progress.getLong("eventsProcessed") + progress.getLong("eventsSkipped"));

        assertEquals(before, snapshot());
    }

    /**
     * Every post's numbers. Not the bookkeeping: when rows were written, and which event last changed
     * them (the two topics interleave differently live and in a replay).
     */
    private static List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> items = given().queryParam("size", 500).queryParam("sort", "odsCode,role")
                .get("/api/v1/succession/posts").then().statusCode(200).extract().jsonPath().getList("items");
        items.forEach(i -> {
            i.remove("updatedAt");
            i.remove("reflects");
        });
        return items;
    }
}
