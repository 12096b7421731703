package org.understudy.succession.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.platform.api.PageResponse;
import org.understudy.succession.SeededViewRows;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.events.ViewChangeFeed;
import org.understudy.succession.events.ViewWriter;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.ViewVersionListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live reads of one post and of the list (plain SQL) answer exactly as the entity path does:
 * every response body is compared with the one the entity path (JPQL search, entities, the
 * vacancies looked up apart) gives for the same request, over each filter, several sort keys both
 * ways with ties, pages (past the end too) and CSV. Posts with and without organisation, vacancy
 * (and with a latest vacancy missing from the view), incumbent, departure and interim cover are
 * written straight into the view's tables, and some of their fields are checked by value too.
 * Answers are kept per version of the view: a change is seen once the version moves, also when the
 * connection that hears the version was lost meanwhile.
 */
@QuarkusTest
class LiveReadPathTest {
    private static final String POSTS = "/api/v1/succession/posts";

    @Inject
    DataSource dataSource;

    @Inject
    PostSuccessionRepository posts;

    @Inject
    PostSuccessionQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    ViewVersionListener listener;

    @Inject
    ViewWriter writer;

    @Inject
    ViewChangeFeed feed;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private String odsA;
    private String odsB;
    private String odsMissing;
    private final List<UUID> seeded = new ArrayList<>();
    private final List<UUID> vacancies = new ArrayList<>();
    private UUID full;
    private UUID orphan;
    private UUID bare;

    private static String ods(char first) {
        return first + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    @BeforeEach
    void seed() throws Exception {
        odsA = ods('R');
        odsB = ods('R');
        odsMissing = ods('R');
        try (Connection c = dataSource.getConnection()) {
            organisation(c, odsA, "Riverside, \"Hospitals\" NHS Trust", Region.MIDLANDS, OrganisationType.ACUTE, 2);
            organisation(c, odsB, "Abbey Community NHS Trust", Region.LONDON, OrganisationType.COMMUNITY, 4);

            // With everything: incumbent, an open latest vacancy (vacant until today), departure, interim cover.
            full = post(c, odsA, BoardRole.CHIEF_EXECUTIVE, 2, 1, Replaceability.VIABLE, 5);
            UUID open = vacancy(c, full, today.minusDays(40), null, null, 2);
            update(c, full, "UPDATE post_succession SET incumbent_candidate_id = ?, incumbent_since = ?, incumbent_interim = true,"
                    + " last_departure_date = ?, last_departure_reason = 'RESIGNED', applicants = 7, shortlisted = 3,"
                    + " open_vacancy_id = ?, latest_vacancy_id = ?, interim_candidate_id = ?, interim_named_on = ? WHERE post_id = ?",
                    UUID.randomUUID(), today.minusDays(400), today.minusDays(41), open, open, UUID.randomUUID(), today.minusDays(10));

            // Its organisation's event has not arrived; its latest vacancy is not in the view.
            orphan = post(c, odsMissing, BoardRole.CHIEF_EXECUTIVE, 0, 0, Replaceability.NONE, null);
            update(c, orphan, "UPDATE post_succession SET latest_vacancy_id = ? WHERE post_id = ?", UUID.randomUUID());

            // Nothing but the numbers.
            bare = post(c, odsB, BoardRole.CHAIR, 1, 2, Replaceability.THIN, null);

            // A filled vacancy (vacant from advert to filling), an interim incumbent with no one named as cover.
            UUID filled = post(c, odsB, BoardRole.CHIEF_EXECUTIVE, 2, 0, Replaceability.VIABLE, 1);
            UUID past = vacancy(c, filled, today.minusDays(100), today.minusDays(30), null, 0);
            update(c, filled, "UPDATE post_succession SET latest_vacancy_id = ?, incumbent_candidate_id = NULL, incumbent_since = ?,"
                    + " incumbent_interim = false WHERE post_id = ?", past, today.minusDays(29));

            // Ties: same organisation, role and numbers, only the post id tells them apart.
            for (int i = 0; i < 4; i++) {
                post(c, odsA, BoardRole.CHAIR, 2, 1, Replaceability.VIABLE, i % 2 == 0 ? null : 2);
            }
            SeededViewRows.versionMoved(c, seeded);
        }
    }

    @AfterEach
    void remove() throws Exception {
        SeededViewRows.remove(dataSource, List.of(odsA, odsB), seeded, vacancies);
    }

    @Test
    void onePostAnswersAsTheEntityPathDoes() {
        for (UUID id : seeded) {
            assertSameJson(entityPost(id), given().get(POSTS + "/" + id).then().statusCode(200).extract().asString());
        }
        // And by value, so that the comparison cannot pass on two equally wrong answers.
        given().get(POSTS + "/" + full).then().statusCode(200)
                .body("organisationName", equalTo("Riverside, \"Hospitals\" NHS Trust"))
                .body("region", equalTo("MIDLANDS"))
                .body("oversightSegment", equalTo(2))
                .body("readyNow", equalTo(2)).body("depth", equalTo(2))
                .body("incumbent.tenureDays", equalTo(400))
                .body("incumbent.interim", equalTo(true))
                .body("lastDeparture.reason", equalTo("RESIGNED"))
                .body("interimCover.namedOn", equalTo(today.minusDays(10).toString()))
                .body("vacancy.applicants", equalTo(7))
                .body("vacancy.daysVacant", equalTo(40))
                .body("vacancy.readverts", equalTo(2))
                .body("vacancy.lastShortlistSize", equalTo(5))
                .body("reflects.topic", equalTo("live-read-test"))
                .body("asOf", nullValue());
        given().get(POSTS + "/" + orphan).then().statusCode(200)
                .body("organisationName", nullValue()).body("region", nullValue()).body("oversightSegment", nullValue())
                .body("incumbent", nullValue()).body("interimCover", nullValue())
                .body("vacancy.daysVacant", nullValue()).body("vacancy.readverts", nullValue());
        given().get(POSTS + "/" + bare).then().statusCode(200)
                .body("organisationName", equalTo("Abbey Community NHS Trust")).body("vacancy.openVacancyId", nullValue())
                .body("vacancy.daysVacant", nullValue()).body("lastDeparture", nullValue());
    }

    @Test
    void anAnswerIsKeptUntilTheViewsVersionMoves() throws Exception {
        String list = POSTS + "?region=LONDON&organisationType=COMMUNITY&oversightSegment=4&role=CHAIR&size=200";
        String listed = "items.find { it.postId == '" + bare + "' }.readyNow";
        given().get(POSTS + "/" + bare).then().statusCode(200).body("readyNow", equalTo(1));
        given().get(list).then().statusCode(200).body(listed, equalTo(1));
        // On the writer's thread, between its polls: nothing else moves the version meanwhile.
        writer.exclusively(lease -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.known() == tableVersion());
            try (Connection c = dataSource.getConnection()) {
                // The writer moves the version with every change; a row changed without it is not read again.
                update(c, bare, "UPDATE post_succession SET ready_now = 3, pool_ready_now = 3 WHERE post_id = ?");
                given().get(POSTS + "/" + bare).then().statusCode(200).body("readyNow", equalTo(1));
                given().get(list).then().statusCode(200).body(listed, equalTo(1));
                SeededViewRows.versionMoved(c, seeded);
            }
            return null;
        }).get(60, TimeUnit.SECONDS);
        given().get(POSTS + "/" + bare).then().statusCode(200).body("readyNow", equalTo(3));
        given().get(list).then().statusCode(200).body(listed, equalTo(3));
    }

    @Test
    void aMoveMadeWhileTheVersionWasNotHeardIsSeen() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.known() != ViewVersionListener.UNKNOWN);
        given().get(POSTS + "/" + bare).then().statusCode(200).body("readyNow", equalTo(1));
        // On the writer's thread, between its polls: the writer neither moves the version nor rewrites the row meanwhile.
        writer.exclusively(lease -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet cut = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name LIKE '%view-version listener'")) {
                    assertTrue(cut.next(), "the listener's connection");
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> listener.known() == ViewVersionListener.UNKNOWN);
                // Announced to nobody: the listener waits a second before it connects again.
                update(c, bare, "UPDATE post_succession SET ready_now = 4, pool_ready_now = 4 WHERE post_id = ?");
                long moved;
                try (ResultSet r = s.executeQuery("WITH moved AS (UPDATE view_version SET version = version + 1 WHERE id = 1 RETURNING version),"
                        + " marked AS (UPDATE post_succession SET changed_version = (SELECT version FROM moved) WHERE post_id = '" + bare + "')"
                        + " SELECT version FROM moved")) {
                    assertTrue(r.next(), "the moved version");
                    moved = r.getLong(1);
                }
                // Back to listening, the instance reads the changes since the last version it heard (the feed does it on its own thread).
                await().atMost(Duration.ofSeconds(15)).until(() -> listener.known() >= moved && feed.seen() >= moved);
            }
            return null;
        }).get(60, TimeUnit.SECONDS);
        given().get(POSTS + "/" + bare).then().statusCode(200).body("readyNow", equalTo(4));
    }

    @Test
    void errorsAreUnchanged() {
        UUID unknown = UUID.randomUUID();
        given().get(POSTS + "/" + unknown).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("no post with id " + unknown + " is known to the succession view"));
        // An unknown post is reported before a malformed instant, as before.
        given().queryParam("asOf", "yesterday").get(POSTS + "/" + unknown).then().statusCode(404);
        given().queryParam("asOf", "yesterday").get(POSTS + "/" + full).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().queryParam("sort", "salary").get(POSTS).then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().queryParam("size", 501).get(POSTS).then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theEffectiveBasisAndTheEffectiveHistoryNameWhatIsWrong() {
        UUID unknown = UUID.randomUUID();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        given().queryParam("asOf", today).queryParam("basis", "guessed").get(POSTS + "/" + full).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("basis"));
        given().queryParam("basis", "effective").get(POSTS + "/" + full).then().statusCode(400).body("field", equalTo("asOf"));
        given().queryParam("asOf", tomorrow).queryParam("basis", "effective").get(POSTS + "/" + full).then().statusCode(400)
                .body("field", equalTo("asOf"));
        given().queryParam("asOf", today).queryParam("basis", "effective").get(POSTS + "/" + unknown).then().statusCode(404)
                .body("field", equalTo("postId"));
        given().queryParam("asOf", today + "T15:00:00Z").queryParam("basis", "EFFECTIVE").get(POSTS + "/" + full).then().statusCode(200)
                .body("asOf", startsWith(today + "T00:00")).body("updatedAt", startsWith(today + "T00:00"));

        given().queryParam("to", tomorrow).get(POSTS + "/" + full + "/effective-history").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("to"));
        given().queryParam("from", today).queryParam("to", "2025-01-01").get(POSTS + "/" + full + "/effective-history").then()
                .statusCode(400).body("field", equalTo("to"));
        given().queryParam("from", "2001-01-01").get(POSTS + "/" + full + "/effective-history").then().statusCode(400)
                .body("field", equalTo("from"));
        given().queryParam("from", "last year").get(POSTS + "/" + full + "/effective-history").then().statusCode(400)
                .body("field", equalTo("from"));
        given().get(POSTS + "/" + unknown + "/effective-history").then().statusCode(404).body("field", equalTo("postId"));
        given().get(POSTS + "/" + full + "/effective-history").then().statusCode(200)
                .body("[0].on", equalTo(LocalDate.now(ZoneOffset.UTC).minusYears(3).toString()));
    }

    @Test
    void theListAnswersAsTheEntityPathDoesForEachFilterAndSort() {
        List<String> filters = List.of("", "region=MIDLANDS", "organisationType=COMMUNITY", "role=CHAIR", "oversightSegment=4",
                "replaceability=VIABLE", "maxReadyNow=1", "region=MIDLANDS&role=CHAIR&maxReadyNow=2", "region=SOUTH_WEST&oversightSegment=5");
        List<String> sorts = List.of("", "readyNow", "-readyNow", "organisationName", "-organisationName", "lastShortlistSize",
                "-lastShortlistSize", "oversightSegment,-readySoon", "-region,role", "-odsCode", "namedReadyNow,-poolReadyNow",
                "-role,readySoon");
        for (String filter : filters) {
            for (String sort : sorts) {
                List<String> query = new ArrayList<>();
                if (!filter.isEmpty()) {
                    query.add(filter);
                }
                if (!sort.isEmpty()) {
                    query.add("sort=" + sort);
                }
                query.add("size=500");
                assertSameList(String.join("&", query));
            }
        }
    }

    @Test
    void pagesAndTotalsAnswerAsTheEntityPathDoes() {
        for (String sort : List.of("", "-lastShortlistSize", "organisationName")) {
            String s = sort.isEmpty() ? "" : "sort=" + sort + "&";
            for (int page = 0; page < 4; page++) {
                assertSameList(s + "page=" + page + "&size=3");
                assertSameList("region=MIDLANDS&" + s + "page=" + page + "&size=2");
            }
            // Past the end: no items, and still the number of all matches.
            JsonNode beyond = assertSameList("region=MIDLANDS&" + s + "page=1000&size=50");
            assertEquals(0, beyond.get("items").size());
            assertTrue(beyond.get("total").asLong() >= 5, beyond.toString());
        }
        // A viable post has two ready now: nothing matches, whatever other tests wrote.
        JsonNode none = assertSameList("replaceability=VIABLE&maxReadyNow=1&page=0");
        assertEquals(0, none.get("total").asLong());
    }

    @Test
    void ourPostsComeInTheOrderAsked() {
        // The four ties (odsA's chairs, equal numbers) in post id order: PostgreSQL orders uuids as their text does.
        List<String> ties = seeded.subList(seeded.size() - 4, seeded.size()).stream().map(UUID::toString).sorted().toList();
        JsonNode page = tree(given().queryParam("region", "MIDLANDS").queryParam("role", "CHAIR").queryParam("size", 500)
                .queryParam("sort", "odsCode,readyNow").get(POSTS).then().statusCode(200).extract().asString());
        assertEquals(ties, ours(page));

        // lastShortlistSize: nulls last, ascending and descending.
        List<String> asc = ours(tree(given().queryParam("sort", "lastShortlistSize").queryParam("size", 500).get(POSTS).asString()));
        List<String> desc = ours(tree(given().queryParam("sort", "-lastShortlistSize").queryParam("size", 500).get(POSTS).asString()));
        assertEquals(seeded.size(), asc.size());
        assertEquals(full.toString(), desc.get(0));
        assertTrue(asc.indexOf(full.toString()) < asc.indexOf(orphan.toString()), asc.toString());
        assertTrue(desc.indexOf(full.toString()) < desc.indexOf(orphan.toString()), desc.toString());
    }

    @Test
    void csvAnswersAsTheEntityPathDoes() {
        for (String query : List.of("size=500", "region=MIDLANDS&sort=-organisationName&size=500", "role=CHAIR&page=1&size=2")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String body = given().header("Accept", "text/csv").get(POSTS + "?" + query).then().statusCode(200)
                        .header("Content-Disposition", "attachment; filename=\"succession-posts.csv\"").extract().asString();
                assertEquals(PostCsv.of(entityList(query).items()), body, query);
            });
        }
        String csv = given().header("Accept", "text/csv").queryParam("region", "MIDLANDS").queryParam("size", 500).get(POSTS).asString();
        assertTrue(csv.contains(full + "," + odsA + ",\"Riverside, \"\"Hospitals\"\" NHS Trust\",MIDLANDS,ACUTE,2,CHIEF_EXECUTIVE,2,1,"), csv);
    }

    /** Compares the live list's body with the entity path's answer; retries briefly in case another test's events change the view between the two. */
    private JsonNode assertSameList(String query) {
        JsonNode[] out = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response r = given().get(POSTS + "?" + query);
            assertEquals(200, r.statusCode(), query + ": " + r.asString());
            out[0] = assertSameJson(entityList(query), r.asString());
        });
        return out[0];
    }

    private JsonNode assertSameJson(Object expected, String body) {
        JsonNode actual = tree(body);
        try {
            assertEquals(json.readTree(json.writeValueAsString(expected)), actual);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return actual;
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private List<String> ours(JsonNode page) {
        List<String> ids = seeded.stream().map(UUID::toString).toList();
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> {
            if (ids.contains(i.get("postId").asText())) {
                out.add(i.get("postId").asText());
            }
        });
        return out;
    }

    /** The entity path's answer to one post: JPQL with the organisation, the vacancy looked up apart. */
    private PostSuccessionResponse entityPost(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> queries.live(List.of(posts.findRow(id))).get(0));
    }

    /** The entity path's answer to a list query string (filter, sort, page and size parameters). */
    private PageResponse<PostSuccessionResponse> entityList(String query) {
        PostFilter filter = new PostFilter();
        String sort = null;
        int page = 0;
        int size = 50;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            switch (name) {
                case "region" -> filter.region = Region.valueOf(value);
                case "organisationType" -> filter.organisationType = OrganisationType.valueOf(value);
                case "role" -> filter.role = BoardRole.valueOf(value);
                case "oversightSegment" -> filter.oversightSegment = Integer.valueOf(value);
                case "replaceability" -> filter.replaceability = Replaceability.valueOf(value);
                case "maxReadyNow" -> filter.maxReadyNow = Integer.valueOf(value);
                case "sort" -> sort = value;
                case "page" -> page = Integer.parseInt(value);
                case "size" -> size = Integer.parseInt(value);
                default -> throw new IllegalArgumentException(name);
            }
        }
        PostSort order = PostSort.parse(sort);
        int p = page;
        int s = size;
        return QuarkusTransaction.requiringNew().call(() -> new PageResponse<>(
                queries.live(posts.search(filter.toQuery(), order.jpql(), p, s)), p, s,
                posts.search(filter.toQuery(), order.jpql(), 0, Integer.MAX_VALUE).size()));
    }

    private static void organisation(Connection c, String ods, String name, Region region, OrganisationType type, int segment) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organisation_view (ods_code, name, region, organisation_type,"
                + " oversight_segment, version, updated_at) VALUES (?, ?, ?, ?, ?, 1, now())")) {
            s.setString(1, ods);
            s.setString(2, name);
            s.setString(3, region.name());
            s.setString(4, type.name());
            s.setInt(5, segment);
            s.executeUpdate();
        }
    }

    private UUID post(Connection c, String ods, BoardRole role, int readyNow, int readySoon, Replaceability replaceability,
                      Integer lastShortlistSize) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO post_succession (post_id, ods_code, role, version, named_ready_now,"
                + " pool_ready_now, ready_now, ready_soon, replaceability, last_event_id, last_topic, last_partition, last_offset, updated_at,"
                + " last_shortlist_size) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'live-read-test', 2, 12345678901, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, ods);
            s.setString(3, role.name());
            s.setInt(4, Math.min(1, readyNow));
            s.setInt(5, readyNow);
            s.setInt(6, readyNow);
            s.setInt(7, readySoon);
            s.setString(8, replaceability.name());
            s.setObject(9, UUID.randomUUID());
            s.setObject(10, OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_000, ZoneOffset.ofHours(2)));
            s.setObject(11, lastShortlistSize, java.sql.Types.INTEGER);
            s.executeUpdate();
        }
        seeded.add(id);
        return id;
    }

    private UUID vacancy(Connection c, UUID post, LocalDate advertised, LocalDate filled, LocalDate closed, int readverts) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO vacancy_view (vacancy_id, post_id, status, live_applications,"
                + " shortlist_size, readverts, first_advertised_on, filled_on, closed_on, version, created_at, updated_at)"
                + " VALUES (?, ?, 'OPEN', 7, 3, ?, ?, ?, ?, 1, now(), now())")) {
            s.setObject(1, id);
            s.setObject(2, post);
            s.setInt(3, readverts);
            s.setObject(4, advertised);
            s.setObject(5, filled);
            s.setObject(6, closed);
            s.executeUpdate();
        }
        vacancies.add(id);
        return id;
    }

    private long tableVersion() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM view_version WHERE id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void update(Connection c, UUID post, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values) {
                s.setObject(i++, v);
            }
            s.setObject(i, post);
            assertEquals(1, s.executeUpdate());
        }
    }
}
