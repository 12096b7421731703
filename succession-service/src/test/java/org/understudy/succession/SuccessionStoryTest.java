package org.understudy.succession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.CandidateStatus;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.SuccessionEventTypes;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.VacancyStatus;
import org.understudy.infra.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trust's chief executive post over two years, told with the events the other services publish,
 * each number checked at each step (docs/succession-view.md, "Who counts for a post").
 */
@QuarkusTest
class SuccessionStoryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

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
    void aChiefExecutivePostThroughTheApi() {
        String ods = "Y" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        UUID incumbent = UUID.randomUUID();
        Region region = Region.SOUTH_WEST;
        OrganisationType type = OrganisationType.AMBULANCE;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // A CEO post with no one ready.
        story.organisation(ods, region, type, 2, today);
        story.post(post, ods, incumbent, today.minusYears(3), false, step(0));
        expectNumbers(post, 0, 0, 0, 0, "NONE");

        // Ada: assessed ready now for chief executive roles, willing to work here: the pool.
        StoryEvents.Candidate ada = story.candidate(region, type, today).readyAsCeo(ReadinessLevel.READY_NOW, today);
        ada.publishAt(step(1));
        expectNumbers(post, 1, 0, 0, 1, "THIN");

        // Ben: named successor for this post and in the pool too: one more person, not two.
        StoryEvents.Candidate ben = story.candidate(region, type, today)
                .readyAsCeo(ReadinessLevel.READY_NOW, today).named(post, ReadinessLevel.READY_NOW, today);
        ben.publishAt(step(2));
        expectNumbers(post, 2, 0, 1, 2, "VIABLE");

        // Cai: named, ready in one to two years.
        story.candidate(region, type, today).named(post, ReadinessLevel.READY_1_2_YEARS, today).publishAt(step(3));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // The incumbent is ready for a CEO role too, but is not their own successor.
        StoryEvents.Candidate holder = story.candidate(region, type, today).readyAsCeo(ReadinessLevel.READY_NOW, today);
        story.post(post, ods, holder.id, today.minusYears(3), false, step(4));
        expect(post, "incumbent.candidateId", holder.id.toString());
        holder.publishAt(step(4));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // Ben fails his fit and proper person check and drops out; an assessment older than 18 months counts for nothing.
        ben.fit(FitAndProperStatus.FAILED, today).publishAt(step(5));
        story.candidate(region, type, today).readyAsCeo(ReadinessLevel.READY_NOW, today.minusMonths(18).minusDays(1)).publishAt(step(5));
        expectNumbers(post, 1, 1, 0, 1, "THIN");

        // Dee joins the pool.
        StoryEvents.Candidate dee = story.candidate(region, type, today).readyAsCeo(ReadinessLevel.READY_NOW, today);
        dee.publishAt(step(6));
        expectNumbers(post, 2, 1, 0, 2, "VIABLE");

        // A vacancy opens: three applications, one withdrawn; then a shortlist of two.
        UUID vacancy = UUID.randomUUID();
        story.vacancy(vacancy, post, ods, VacancyStatus.OPEN, 3, 1, 0, today, null, null, step(7));
        expectListed(post, region, "vacancy.applicants", 2);
        story.vacancy(vacancy, post, ods, VacancyStatus.SHORTLISTING, 3, 1, 2, today, null, null, step(8));
        expectListed(post, region, "vacancy.shortlisted", 2);
        expect(post, "vacancy.lastShortlistSize", 2);

        // Dee is appointed: she is no longer counted as her own successor, and the leader she replaces counts
        // again. Then both leave the pipeline: no one is ready.
        story.vacancy(vacancy, post, ods, VacancyStatus.FILLED, 3, 1, 2, today, today, dee.id, step(9));
        expect(post, "vacancy.applicants", null);
        story.post(post, ods, dee.id, today, false, step(9));
        expectNumbers(post, 2, 1, 0, 2, "VIABLE");
        expect(post, "incumbent.candidateId", dee.id.toString());
        expect(post, "vacancy.lastShortlistSize", 2);
        holder.status = CandidateStatus.WITHDRAWN;
        holder.publishAt(step(10));
        expectNumbers(post, 1, 1, 0, 1, "THIN");
        ada.status = CandidateStatus.WITHDRAWN;
        ada.publishAt(step(11));
        expectNumbers(post, 0, 1, 0, 0, "NONE");

        // As of just after the shortlist, the numbers were as they stood then; before the post, nothing.
        given().queryParam("asOf", step(8).plusSeconds(1).toString()).get("/api/v1/succession/posts/" + post)
                .then().statusCode(200)
                .body("readyNow", equalTo(2)).body("readySoon", equalTo(1)).body("replaceability", equalTo("VIABLE"))
                .body("vacancy.shortlisted", equalTo(2)).body("vacancy.applicants", equalTo(2));
        given().queryParam("asOf", step(0).minusSeconds(1).toString()).get("/api/v1/succession/posts/" + post)
                .then().statusCode(404).body("field", equalTo("asOf"));

        // History: every change, with its cause, in order; a period shows what changed in it.
        JsonPath history = given().get("/api/v1/succession/posts/" + post + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(0, 1, 2, 2, 2, 1, 2, 2, 2, 2, 2, 1, 0), history.getList("readyNow"));
        assertEquals(VacancyEventTypes.POST_CREATED, history.getList("cause").get(0));
        given().queryParam("from", step(5).toString()).queryParam("to", step(5).plusSeconds(1).toString())
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
        assertTrue(csv.contains(post + "," + ods + ",Story NHS Trust " + ods + ",SOUTH_WEST,AMBULANCE,2,CHIEF_EXECUTIVE,0,1,0,0,NONE"), csv);
    }

    @Test
    void theCsvListNeverHandsASpreadsheetAFormula() {
        String ods = "Y" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        UUID post = UUID.randomUUID();
        String name = "=HYPERLINK(\"http://x.invalid\",\"click\")";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        story.organisation(ods, name, Region.NORTH_EAST_AND_YORKSHIRE, OrganisationType.COMMUNITY, 1, today);
        story.post(post, ods, null, null, false, today);
        expect(post, "organisationName", name);

        var answer = given().accept("text/csv").queryParam("region", "NORTH_EAST_AND_YORKSHIRE").queryParam("organisationType", "COMMUNITY")
                .queryParam("oversightSegment", 1).queryParam("size", 500)
                .get("/api/v1/succession/posts").then().statusCode(200).contentType(startsWith("text/csv")).extract();
        String csv = answer.asString();
        // A page, saying how many match in all: the lines after the header, when they all fit in it.
        assertEquals(csv.split("\r\n").length - 1, Integer.parseInt(answer.header("X-Total-Count")), csv);
        // The name is there, as text: a leading ' and the cell quoted (it holds quotes and a comma).
        assertTrue(csv.contains(post + "," + ods + ",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",NORTH_EAST_AND_YORKSHIRE,COMMUNITY,1,"),
                csv);
        assertFalse(csv.contains(",=") || csv.contains(",\"="), csv);
    }

    /** The story's instants: a minute apart, ending before now (as-of answers cannot be asked of the future). */
    private final OffsetDateTime storyStart = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(20);

    private OffsetDateTime step(int n) {
        return storyStart.plusMinutes(n);
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
