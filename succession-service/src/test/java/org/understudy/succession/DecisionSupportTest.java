package org.understudy.succession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.ExitReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.VacancyStatus;

import org.understudy.succession.domain.AssessmentChain;
import org.understudy.succession.persistence.AssessmentRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decision support, told with the events the other services publish: dismissal readiness,
 * an assessment that stays what it was while the view moves on, its hash chain and tampering; the
 * aggregates, consequence capacity and knock-on of a small region. LONDON / MENTAL_HEALTH and
 * EAST_OF_ENGLAND are used by no other test of this module.
 */
@QuarkusTest
class DecisionSupportTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READINESS = "/api/v1/succession/posts/%s/dismissal-readiness";
    /** The previous hash of the first record, spelt out so that the test does not lean on the code under test. */
    private static final String GENESIS = "0".repeat(64);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    AssessmentRepository assessments;

    StoryEvents story;

    @BeforeEach
    void open() {
        story = new StoryEvents(bootstrap);
    }

    @AfterEach
    void close() {
        story.close();
    }

    private static String ods(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    private static JsonPath readiness(UUID post) {
        return given().get(READINESS.formatted(post)).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAssessmentKeepsWhatWasKnownAndItsChainShowsTampering() {
        LocalDate d = LocalDate.now().minusDays(30);
        String trust = ods("L");
        String other = ods("L");
        UUID post = UUID.randomUUID();
        UUID incumbent = UUID.randomUUID();
        Region london = Region.LONDON;
        OrganisationType type = OrganisationType.MENTAL_HEALTH;

        // A chief executive post in London, one person ready now, a last shortlist of one name.
        story.organisation(trust, london, type, 3, d);
        story.organisation(other, london, type, 2, d);
        story.post(post, trust, incumbent, d.minusYears(3), false, d);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + post).then().statusCode(200)
                .body("region", equalTo("LONDON")));
        story.candidate(london, type, d).readyAsCeo(ReadinessLevel.READY_NOW, d).publish(d.plusDays(1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + post).then().body("readyNow", equalTo(1)));
        story.vacancy(UUID.randomUUID(), post, trust, VacancyStatus.SHORTLISTING, 4, 0, 1, d.plusDays(2), null, null, d.plusDays(2));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + post).then().body("vacancy.lastShortlistSize", equalTo(1)));
        // Four chief executives left London trusts; the last three: resigned, dismissed, retired.
        List<ExitReason> oldestFirst = List.of(ExitReason.DISMISSED, ExitReason.RESIGNED, ExitReason.DISMISSED, ExitReason.RETIRED);
        for (int n = 0; n < oldestFirst.size(); n++) {
            story.candidate(london, type, d).exit(null, n % 2 == 0 ? other : trust, BoardRole.CHIEF_EXECUTIVE,
                    d.minusDays(400 - 100L * n), oldestFirst.get(n)).publish(d.plusDays(3));
        }

        // The exits travel on different partitions: wait for the answer all four give (any three of them
        // can already show three exits considered).
        await().atMost(WAIT).untilAsserted(() -> given().get(READINESS.formatted(post)).then().statusCode(200)
                .body("numbers.recentExits.considered", equalTo(3))
                .body("numbers.recentExits.voluntary", equalTo(2)));
        JsonPath live = readiness(post);
        assertEquals(false, live.getBoolean("credible"));
        assertEquals("A dismissal would not be a credible consequence: only 1 successor is ready now (at least 2 are needed) "
                + "and no interim is named.", live.getString("summary"));
        assertTrue(live.getList("reasons.text").containsAll(List.of(
                "1 successor is ready now; at least 2 are needed",
                "no interim is named",
                "the last shortlist for this post had 1 name",
                "2 of the last 3 chief executive exits in this region were voluntary")), live.getList("reasons.text").toString());
        assertEquals(2, live.getInt("numbers.minimumReadyNow"));

        // Record it.
        JsonPath recorded = given().contentType(ContentType.JSON)
                .body(Map.of("postId", post.toString(), "purpose", "Board paper: options for the chief executive of " + trust))
                .post("/api/v1/succession/assessments")
                .then().statusCode(201).header("Location", containsString("/api/v1/succession/assessments/"))
                .body("credible", equalTo(false))
                .body("askedBy", equalTo("admin-user"))
                .body("asOf", nullValue())
                .body("region", equalTo("LONDON"))
                .body("hash", matchesPattern("[0-9a-f]{64}"))
                .body("previousHash", matchesPattern("[0-9a-f]{64}"))
                .body("positions.appliedUpTo.topic", hasItems("vacancy-events", "candidate-events"))
                .body("answer.summary", equalTo(live.getString("summary")))
                .extract().jsonPath();
        String id = recorded.getString("assessmentId");
        Map<String, Object> stored = recorded.getMap("");
        OffsetDateTime recordedAt = OffsetDateTime.parse(recorded.getString("recordedAt"));

        // The view moves on (after the recording): a second person ready now, and an interim is named (a
        // pipeline candidate whose fit-and-proper check holds).
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        story.candidate(london, type, d).readyAsCeo(ReadinessLevel.READY_NOW, d).publishAt(later);
        StoryEvents.Candidate cover = story.candidate(london, type, d);
        cover.publishAt(later);
        story.post(post, trust, BoardRole.CHIEF_EXECUTIVE, new PostState.Incumbent(incumbent, d.minusYears(3), false),
                new PostState.InterimCover(cover.id, LocalDate.now()), VacancyEventTypes.POST_INTERIM_COVER_CHANGED, later.plusSeconds(1));
        await().atMost(WAIT).untilAsserted(() -> given().get(READINESS.formatted(post)).then().statusCode(200)
                .body("credible", equalTo(true))
                .body("numbers.readyNow", equalTo(2))
                .body("numbers.interimCover.namedOn", equalTo(LocalDate.now().toString()))
                .body("numbers.interimCover.vetting", equalTo("VETTED"))
                .body("reasons.text", hasItem("an interim is named: a pipeline candidate with a valid fit-and-proper check"))
                .body("summary", equalTo("A dismissal would be a credible consequence: 2 successors are ready now and an interim is named.")));
        given().get("/api/v1/succession/posts/" + post).then().body("interimCover.namedOn", equalTo(LocalDate.now().toString()));

        // The stored assessment is unchanged...
        assertEquals(stored, given().get("/api/v1/succession/assessments/" + id).then().statusCode(200).extract().jsonPath().getMap(""));
        // ...and the view as of its time gives the same answer.
        Map<String, Object> then = given().queryParam("asOf", recordedAt.toString()).get(READINESS.formatted(post))
                .then().statusCode(200).body("asOf", startsWith(recordedAt.toLocalDate().toString())).extract().jsonPath().getMap("");
        assertEquals(withoutAsOf(recorded.getMap("answer")), withoutAsOf(then));
        assertEquals(false, then.get("credible"));
        String reproduce = recorded.getString("reproduce");
        assertEquals(withoutAsOf(recorded.getMap("answer")), withoutAsOf(given().get(reproduce).then().statusCode(200).extract().jsonPath().getMap("")));
        // Recording as of that instant, later, stores the same answer too.
        JsonPath asOfRecord = given().contentType(ContentType.JSON)
                .body(Map.of("postId", post.toString(), "purpose", "The same question, asked again afterwards", "asOf", recordedAt.toString()))
                .post("/api/v1/succession/assessments").then().statusCode(201)
                .body("asOf", startsWith(recordedAt.toLocalDate().toString()))
                .body("previousHash", not(equalTo(GENESIS)))
                .extract().jsonPath();
        assertEquals(withoutAsOf(recorded.getMap("answer")), withoutAsOf(asOfRecord.getMap("answer")));
        assertEquals(recorded.getLong("sequence") + 1, asOfRecord.getLong("sequence"));
        assertEquals(recorded.getString("hash"), asOfRecord.getString("previousHash"));

        // Listing by post, organisation, region and period.
        given().queryParam("postId", post.toString()).get("/api/v1/succession/assessments").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].assessmentId", equalTo(asOfRecord.getString("assessmentId")))
                .body("items[1].assessmentId", equalTo(id));
        given().queryParam("odsCode", trust).queryParam("region", "LONDON").get("/api/v1/succession/assessments").then()
                .body("items.assessmentId", hasItems(id, asOfRecord.getString("assessmentId")));
        given().queryParam("postId", post.toString()).queryParam("to", recordedAt.minusSeconds(1).toString())
                .get("/api/v1/succession/assessments").then().body("total", equalTo(0));
        given().queryParam("postId", post.toString()).queryParam("from", recordedAt.toString()).queryParam("to", recordedAt.toString())
                .get("/api/v1/succession/assessments").then().body("total", equalTo(1)).body("items[0].assessmentId", equalTo(id));
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/succession/assessments")
                .then().statusCode(400).body("field", equalTo("to"));

        // Bad requests store nothing.
        long before = given().get("/api/v1/succession/assessments").then().extract().jsonPath().getLong("total");
        given().contentType(ContentType.JSON).body(Map.of("postId", post.toString())).post("/api/v1/succession/assessments")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo("purpose"));
        given().contentType(ContentType.JSON).body(Map.of("postId", post.toString(), "purpose", "x".repeat(2001)))
                .post("/api/v1/succession/assessments").then().statusCode(400).body("field", equalTo("purpose"));
        given().contentType(ContentType.JSON).body(Map.of("postId", UUID.randomUUID().toString(), "purpose", "unknown post"))
                .post("/api/v1/succession/assessments").then().statusCode(404).body("field", equalTo("postId"));
        given().contentType(ContentType.JSON).body(Map.of("postId", post.toString(), "purpose", "the future",
                        "asOf", OffsetDateTime.now().plusDays(1).toString()))
                .post("/api/v1/succession/assessments").then().statusCode(400).body("field", equalTo("asOf"));
        given().contentType(ContentType.JSON).body(Map.of("postId", post.toString(), "purpose", "p", "asOf", "yesterday"))
                .post("/api/v1/succession/assessments").then().statusCode(400).body("field", equalTo("asOf"));
        given().get("/api/v1/succession/assessments").then().body("total", equalTo((int) before));

        // The chain verifies.
        given().get("/api/v1/succession/assessments/verification").then().statusCode(200)
                .body("status", equalTo("OK")).body("firstBroken", nullValue())
                .body("verified", equalTo((int) before)).body("records", equalTo((int) before));

        // The table refuses changes...
        for (String change : List.of("UPDATE dismissal_assessment SET purpose = 'changed' WHERE assessment_id = :id",
                "DELETE FROM dismissal_assessment WHERE assessment_id = :id")) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(change).setParameter("id", UUID.fromString(id)).executeUpdate()));
            assertTrue(messages(refused).contains("dismissal_assessment is append-only"), messages(refused));
        }
        // ...unless someone with the power to disable its trigger does so: verification then names the record.
        tamper(id, "A purpose nobody gave");
        given().get("/api/v1/succession/assessments/" + id).then().body("purpose", equalTo("A purpose nobody gave"));
        given().get("/api/v1/succession/assessments/verification").then().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("firstBroken.assessmentId", equalTo(id))
                .body("firstBroken.sequence", equalTo(recorded.getInt("sequence")))
                .body("firstBroken.reason", equalTo("its content does not match its hash: it was changed after it was recorded"))
                .body("verified", equalTo(recorded.getInt("sequence") - 1));
        tamper(id, recorded.getString("purpose"));
        given().get("/api/v1/succession/assessments/verification").then().body("status", equalTo("OK"));

        // Whoever can rewrite the table can recompute every hash after a change, so that the table's chain
        // holds again; the chain published when each record was recorded names the first record rewritten.
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/assessments/verification").then()
                .body("publishedRecords", greaterThanOrEqualTo((int) before)).body("publishedUnavailable", nullValue()));
        rewriteChainFrom(recorded.getLong("sequence"), "A purpose nobody gave");
        given().get("/api/v1/succession/assessments/verification").then().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("firstBroken.assessmentId", equalTo(id))
                .body("firstBroken.sequence", equalTo(recorded.getInt("sequence")))
                .body("firstBroken.reason", equalTo("its hash differs from the one published when it was recorded: the chain was rewritten in the database"))
                .body("verified", equalTo(recorded.getInt("sequence") - 1));
        rewriteChainFrom(recorded.getLong("sequence"), recorded.getString("purpose"));
        given().get("/api/v1/succession/assessments/verification").then().body("status", equalTo("OK"));
    }

    /**
     * Sets a recorded assessment's purpose and recomputes its hash and every later record's previous and own
     * hashes, directly in the database with the append-only trigger off: the table's chain holds again.
     */
    private void rewriteChainFrom(long sequence, String purpose) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE dismissal_assessment DISABLE TRIGGER dismissal_assessment_append_only").executeUpdate();
            em.createNativeQuery("UPDATE dismissal_assessment SET purpose = :purpose WHERE seq = :seq")
                    .setParameter("purpose", purpose).setParameter("seq", sequence).executeUpdate();
            String previous = null;
            for (AssessmentRepository.Stored s : assessments.rawAfter(sequence - 1, 10_000)) {
                AssessmentChain.Content c = s.content();
                AssessmentChain.Content rewritten = new AssessmentChain.Content(c.sequence(), c.assessmentId(), c.postId(), c.odsCode(),
                        c.region(), c.organisationType(), c.role(), c.credible(), c.purpose(), c.askedBy(), c.recordedAt(), c.asOf(),
                        c.answer(), c.positions(), previous == null ? c.previousHash() : previous);
                previous = AssessmentChain.hash(rewritten);
                em.createNativeQuery("UPDATE dismissal_assessment SET previous_hash = :previous, record_hash = :hash WHERE seq = :seq")
                        .setParameter("previous", rewritten.previousHash()).setParameter("hash", previous)
                        .setParameter("seq", c.sequence()).executeUpdate();
            }
            em.createNativeQuery("ALTER TABLE dismissal_assessment ENABLE TRIGGER dismissal_assessment_append_only").executeUpdate();
        });
    }

    /** The text of an exception and its causes (the trigger's message is a few levels down). */
    private static String messages(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c.getMessage()).append(" | ");
        }
        return out.toString();
    }

    /** Changes a recorded assessment directly in the database, bypassing the append-only trigger. */
    private void tamper(String assessmentId, String purpose) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE dismissal_assessment DISABLE TRIGGER dismissal_assessment_append_only").executeUpdate();
            em.createNativeQuery("UPDATE dismissal_assessment SET purpose = :purpose WHERE assessment_id = :id")
                    .setParameter("purpose", purpose).setParameter("id", UUID.fromString(assessmentId)).executeUpdate();
            em.createNativeQuery("ALTER TABLE dismissal_assessment ENABLE TRIGGER dismissal_assessment_append_only").executeUpdate();
        });
    }

    private static Map<String, Object> withoutAsOf(Map<String, Object> answer) {
        Map<String, Object> out = new HashMap<>(answer);
        out.remove("asOf");
        return out;
    }

    @Test
    void aRegionsAggregatesCapacityAndKnockOn() {
        LocalDate today = LocalDate.now();
        LocalDate t = today.minusDays(5);
        Region east = Region.EAST_OF_ENGLAND;
        String e1 = ods("E");
        String e2 = ods("E");
        String e3 = ods("E");
        story.organisation(e1, east, OrganisationType.ACUTE, 4, t);
        story.organisation(e2, east, OrganisationType.ACUTE, 3, t);
        story.organisation(e3, east, OrganisationType.COMMUNITY, 1, t);

        // W holds P1; their last exit before starting was a dismissal. Z resigned two months ago (voluntary, within 12 months).
        StoryEvents.Candidate w = story.candidate(east, OrganisationType.ACUTE, t)
                .exit(null, e3, BoardRole.CHIEF_EXECUTIVE, today.minusDays(400), ExitReason.DISMISSED);
        w.publish(t);
        story.candidate(east, OrganisationType.ACUTE, t)
                .exit(null, e2, BoardRole.CHIEF_EXECUTIVE, today.minusDays(60), ExitReason.RESIGNED)
                .exit(null, e1, BoardRole.CHIEF_EXECUTIVE, today.minusDays(420), ExitReason.RETIRED).publish(t);
        // X: ready now at acute trusts here, challenged ones too (P1 and P2). Y: holds P2, ready now at community trusts (P3).
        StoryEvents.Candidate x = story.candidate(east, OrganisationType.ACUTE, t).readyAsCeo(ReadinessLevel.READY_NOW, t);
        x.challenged = true;
        x.publish(t);
        StoryEvents.Candidate y = story.candidate(east, OrganisationType.COMMUNITY, t).readyAsCeo(ReadinessLevel.READY_NOW, t);
        y.publish(t);

        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        UUID p3 = UUID.randomUUID();
        UUID p4 = UUID.randomUUID();
        story.post(p1, e1, w.id, today.minusDays(300), false, t);
        story.post(p2, e2, y.id, today.minusDays(1000), false, t);
        story.post(p3, e3, null, null, false, t);
        StoryEvents.Candidate cover = story.candidate(east, OrganisationType.ACUTE, t);
        cover.publish(t);
        story.post(p4, e1, BoardRole.CHAIR, null, new PostState.InterimCover(cover.id, t), VacancyEventTypes.POST_CREATED, StoryEvents.at(t));
        story.vacancy(UUID.randomUUID(), p1, e1, VacancyStatus.FILLED, 5, 0, 3, today.minusDays(40), today.minusDays(10), w.id, t);
        story.vacancy(UUID.randomUUID(), p3, e3, VacancyStatus.SHORTLISTING, 2, 0, 1, today.minusDays(20), null, null, t);

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "EAST_OF_ENGLAND").get("/api/v1/succession/capacity")
                .then().statusCode(200).body("posts", equalTo(4)).body("sumOfDepths", equalTo(3)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + p3).then()
                .body("vacancy.lastShortlistSize", equalTo(1)).body("readyNow", equalTo(1)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/succession/posts/" + p1).then()
                .body("vacancy.lastShortlistSize", equalTo(3)).body("incumbent.candidateId", equalTo(w.id.toString())));

        // Aggregates: the East of England group is these four posts.
        String group = "groups.find { it.group == 'EAST_OF_ENGLAND' }.";
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("groupBy", "region").get("/api/v1/succession/summary")
                .then().statusCode(200)
                .body("groupBy", equalTo("region"))
                .body("minimumReadyNow", equalTo(2))
                .body(group + "posts", equalTo(4))
                .body(group + "postsWithNoReadyNow", equalTo(1))
                .body(group + "medianDepth", equalTo(1.0f))
                .body(group + "medianLastShortlist", equalTo(2.0f))
                .body(group + "medianDaysVacant", equalTo(25.0f))
                .body(group + "voluntaryExitsLast12Months", equalTo(1))
                .body(group + "appointmentsAfterDismissal", equalTo(1))
                .body(group + "credibleDismissalShare", equalTo(0.25f))
                .body("national.group", equalTo("NATIONAL"))
                .body("national.posts", greaterThanOrEqualTo(4)));
        String csv = given().accept("text/csv").queryParam("groupBy", "region").get("/api/v1/succession/summary")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("groupBy,group,posts,postsWithNoReadyNow,medianDepth,medianLastShortlist,medianDaysVacant,"
                + "voluntaryExitsLast12Months,mutualAgreementExitsLast12Months,dismissalsLast12Months,appointmentsAfterDismissal,"
                + "credibleDismissalShare\r\n"), csv);
        assertTrue(csv.contains("\r\nregion,EAST_OF_ENGLAND,4,1,1,2,25,1,0,0,1,0.25\r\n"), csv);
        assertTrue(csv.contains("\r\nnational,NATIONAL,"), csv);
        given().queryParam("groupBy", "region").queryParam("role", "CHAIR").get("/api/v1/succession/summary").then()
                .body(group + "posts", equalTo(1)).body(group + "credibleDismissalShare", equalTo(1.0f));
        given().queryParam("groupBy", "segment").get("/api/v1/succession/summary").then().statusCode(200).body("groupBy", equalTo("segment"));
        given().queryParam("groupBy", "organisationType").get("/api/v1/succession/summary").then().statusCode(200);
        given().queryParam("groupBy", "trust").get("/api/v1/succession/summary").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("groupBy"));

        // Dismissal readiness of the chair post: no one ready, but an interim is named.
        given().get(READINESS.formatted(p4)).then().statusCode(200)
                .body("credible", equalTo(true))
                .body("summary", equalTo("A dismissal would be a credible consequence: an interim is named, though no successor is ready now."))
                .body("reasons.text", hasItems("no successor is ready now", "an interim is named: a pipeline candidate with a valid fit-and-proper check", "no chair exits in this region are on record",
                        "this post has no earlier shortlist on record"));

        // Capacity: X can fill P1 or P2, not both; Y fills P3; no one the chair post. Depth adds up to 3, capacity is 2.
        JsonPath capacity = given().queryParam("region", "EAST_OF_ENGLAND").get("/api/v1/succession/capacity").then().statusCode(200)
                .body("region", equalTo("EAST_OF_ENGLAND"))
                .body("posts", equalTo(4))
                .body("capacity", equalTo(2))
                .body("sumOfDepths", equalTo(3))
                .body("readyNowPeople", equalTo(2))
                .body("watchedSegments", equalTo(List.of(3, 4, 5)))
                .body("postsInWatchedSegments", equalTo(3))
                .body("capacityInWatchedSegments", equalTo(1))
                .body("uncoveredPosts.size()", equalTo(2))
                .body("uncoveredPosts.postId", hasItem(p4.toString()))
                .extract().jsonPath();
        long version = capacity.getLong("viewVersion");
        given().get("/api/v1/succession/capacity").then().statusCode(200).body("region", nullValue())
                .body("capacity", greaterThanOrEqualTo(2)).body("posts", greaterThanOrEqualTo(4));
        given().queryParam("region", "ATLANTIS").get("/api/v1/succession/capacity").then().statusCode(400).body("field", equalTo("region"));

        // Knock-on: appointing Y to P3 takes them from P2, which must be filled, by X, and P1 is left uncovered.
        given().get("/api/v1/succession/posts/" + p3 + "/knock-on").then().statusCode(200)
                .body("successor.candidateId", equalTo(y.id.toString()))
                .body("successor.named", equalTo(false))
                .body("alternatives", equalTo(0))
                .body("before.capacity", equalTo(2))
                .body("after.posts", equalTo(3))
                .body("after.capacity", equalTo(1))
                .body("after.uncoveredPosts.postId", hasItems(p1.toString(), p4.toString()))
                .body("capacityChange", equalTo(-1))
                .body("vacatedPost.post.postId", equalTo(p2.toString()))
                .body("vacatedPost.inRegion", equalTo(true))
                .body("vacatedPost.covered", equalTo(true))
                .body("vacatedPost.readyNow", equalTo(1))
                .body("summary", equalTo("Appointing the best-placed ready-now successor would take East of England from 2 posts that could be "
                        + "filled at once to 1; the chief executive post they leave at " + e2 + " would need filling, and 1 person is ready now for it."));
        given().get("/api/v1/succession/posts/" + p4 + "/knock-on").then().statusCode(200)
                .body("successor", nullValue()).body("after", nullValue()).body("capacityChange", equalTo(0));
        given().get("/api/v1/succession/posts/" + UUID.randomUUID() + "/knock-on").then().statusCode(404).body("field", equalTo("postId"));

        // The cached capacity follows the view: one more person ready for P3.
        story.candidate(east, OrganisationType.COMMUNITY, t).readyAsCeo(ReadinessLevel.READY_NOW, t).publish(t);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "EAST_OF_ENGLAND").get("/api/v1/succession/capacity")
                .then().body("sumOfDepths", equalTo(4)).body("capacity", equalTo(2)));
        assertNotEquals(version, given().queryParam("region", "EAST_OF_ENGLAND").get("/api/v1/succession/capacity")
                .then().extract().jsonPath().getLong("viewVersion"));
    }

    @Test
    void theNewEndpointsAreInTheOpenApiDocument() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/succession/posts/{postId}/dismissal-readiness", "/api/v1/succession/posts/{postId}/knock-on",
                "/api/v1/succession/assessments", "/api/v1/succession/assessments/verification", "/api/v1/succession/summary",
                "/api/v1/succession/capacity")) {
            assertTrue(openapi.contains("\"" + path + "\""), path + " is documented");
        }
        assertTrue(openapi.contains("\"DismissalReadiness\"") || openapi.contains("\"ReadinessReport\""), "the answer's schema is documented");
    }

    /**
     * An interim counts toward a credible dismissal only when they could lawfully step in: a name alone,
     * the incumbent, a candidate whose fit-and-proper check lapsed, or one who withdrew does not.
     */
    @Test
    void onlyAVettedInterimMakesADismissalCredible() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Region region = Region.MIDLANDS;
        String trust = ods("V");
        story.organisation(trust, region, OrganisationType.SPECIALIST, 2, today.minusDays(3));
        StoryEvents.Candidate holder = story.candidate(region, OrganisationType.SPECIALIST, today.minusDays(30));
        holder.publish(today.minusDays(3));
        StoryEvents.Candidate lapsed = story.candidate(region, OrganisationType.SPECIALIST, today.minusYears(2));
        lapsed.publish(today.minusDays(3));
        StoryEvents.Candidate valid = story.candidate(region, OrganisationType.SPECIALIST, today.minusDays(30));
        valid.publish(today.minusDays(3));

        Map<String, UUID> interims = new java.util.LinkedHashMap<>();
        interims.put("NOT_A_PIPELINE_CANDIDATE", null);
        interims.put("THE_INCUMBENT", holder.id);
        interims.put("FIT_AND_PROPER_NOT_VALID", lapsed.id);
        interims.put("VETTED", valid.id);
        Map<String, UUID> posts = new java.util.LinkedHashMap<>();
        interims.forEach((outcome, interim) -> {
            UUID post = UUID.randomUUID();
            posts.put(outcome, post);
            story.post(post, trust, BoardRole.CHAIR, new PostState.Incumbent(holder.id, today.minusYears(2), false),
                    new PostState.InterimCover(interim, today.minusDays(1)), VacancyEventTypes.POST_CREATED, StoryEvents.at(today.minusDays(1)));
        });
        posts.forEach((outcome, post) -> {
            boolean vetted = outcome.equals("VETTED");
            await().atMost(WAIT).untilAsserted(() -> given().get(READINESS.formatted(post)).then().statusCode(200)
                    .body("numbers.readyNow", equalTo(0))
                    .body("numbers.interimCover.vetting", equalTo(outcome))
                    .body("credible", equalTo(vetted))
                    .body("reasons.code", hasItem(vetted ? "INTERIM_NAMED" : "INTERIM_NOT_VETTED")));
        });

        // The valid interim withdraws: they no longer count.
        valid.status = CandidateStatus.WITHDRAWN;
        valid.publish(today);
        await().atMost(WAIT).untilAsserted(() -> given().get(READINESS.formatted(posts.get("VETTED"))).then().statusCode(200)
                .body("numbers.interimCover.vetting", equalTo("NOT_ACTIVE"))
                .body("credible", equalTo(false))
                .body("summary", equalTo("A dismissal would not be a credible consequence: no successor is ready now and the interim named does not count.")));
    }
}
