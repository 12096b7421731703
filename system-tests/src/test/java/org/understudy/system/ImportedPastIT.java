package org.understudy.system;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Day one: three years of one trust's and its region's records (two specialist trusts of the South West,
 * their chief medical officer posts, who held them and why they left, six people with their checks,
 * assessments, nominations and exits) imported from the files in {@code imported-past/}, then the
 * succession view asked about days before any of it was imported. Dates in the files are days before
 * today ({@code @D-400}); every expected number below is derived from the rows, by the rules: an
 * assessment or a nomination counts from its date for 18 months, a fit-and-proper check holds 12, each
 * to the day after.
 *
 * <p>No other test uses specialist trusts or chief medical officers in the South West, so the pool is
 * this story's alone.
 */
class ImportedPastIT {
    private static final Pattern DAY = Pattern.compile("@D(-\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Stack stack;
    private final String run = "p" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    private final String ods1 = "P" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
    private final String ods2 = "Q" + ods1.substring(1);
    private final Map<String, String> ids = new java.util.HashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    private static LocalDate d(int days) {
        return TODAY.plusDays(days);
    }

    /** The first day a fit-and-proper check made on a day no longer holds. */
    private static LocalDate checkLapses(LocalDate checkedOn) {
        return checkedOn.plusMonths(12).plusDays(1);
    }

    private static RequestSpecification as(String baseUrl) {
        return given().baseUri(baseUrl).auth().oauth2(TestTokens.mint("admin"));
    }

    /** A file of imported-past/ with this run's codes, keys, dates and ids in place. */
    private String file(String name) throws IOException {
        String text;
        try (InputStream in = ImportedPastIT.class.getResourceAsStream("/imported-past/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("@ID-" + id.getKey(), id.getValue());
        }
        Matcher days = DAY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (days.find()) {
            days.appendReplacement(out, d(Integer.parseInt(days.group(1))).toString());
        }
        days.appendTail(out);
        return out.toString().replace("@ODS1", ods1).replace("@ODS2", ods2).replace("@RUN", run);
    }

    /**
     * Imports a file and waits for its job; a row refused because the service has not yet learnt of a post
     * (candidate-service follows vacancy-service's events) is tried again with the file, whose rows stored
     * already count as unchanged.
     */
    private JsonPath imported(String baseUrl, String kind, String name, int rows) throws IOException {
        String body = file(name);
        JsonPath[] job = new JsonPath[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            String id = as(baseUrl).contentType("text/csv").body(body).post("/api/v1/imports/" + kind).then().statusCode(202)
                    .extract().path("id");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !List.of("QUEUED", "RUNNING")
                    .contains(as(baseUrl).get("/api/v1/imports/" + kind + "/" + id).then().extract().<String>path("status")));
            job[0] = as(baseUrl).get("/api/v1/imports/" + kind + "/" + id).then().statusCode(200).extract().jsonPath();
            return job[0].getInt("created") + job[0].getInt("unchanged") + job[0].getInt("updated") == rows;
        });
        assertEquals("COMPLETED", job[0].getString("status"), name + ": " + job[0].prettify());
        return job[0];
    }

    private String idOf(String baseUrl, String kind, String key) {
        return as(baseUrl).get("/api/v1/imports/" + kind + "/keys/" + run + "-" + key).then().statusCode(200).extract().path("id");
    }

    /** An entry of the effective history: day, ready now, soon, named, pool, replaceability, holder. */
    private static List<Object> entry(LocalDate on, int now, int soon, int named, int pool, String replaceability, String holder) {
        return Arrays.asList(on.toString(), now, soon, named, pool, replaceability, holder);
    }

    private List<List<Object>> effectiveHistory(String post) {
        JsonPath history = as(stack.succession.baseUrl()).queryParam("from", d(-1100).toString())
                .get("/api/v1/succession/posts/" + post + "/effective-history").then().statusCode(200).extract().jsonPath();
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < history.getList("").size(); i++) {
            String p = "[" + i + "].";
            out.add(Arrays.asList(history.getString(p + "on"), history.getInt(p + "readyNow"), history.getInt(p + "readySoon"),
                    history.getInt(p + "namedReadyNow"), history.getInt(p + "poolReadyNow"), history.getString(p + "replaceability"),
                    history.getString(p + "incumbentCandidateId")));
        }
        return out;
    }

    private List<Object> effectiveOn(String post, LocalDate day) {
        JsonPath then = as(stack.succession.baseUrl()).queryParam("asOf", day.toString()).queryParam("basis", "effective")
                .get("/api/v1/succession/posts/" + post).then().statusCode(200).extract().jsonPath();
        return Arrays.asList(then.getInt("readyNow"), then.getInt("readySoon"), then.getInt("namedReadyNow"), then.getInt("poolReadyNow"),
                then.getString("replaceability"), then.getString("incumbent.candidateId"));
    }

    @Test
    void threeYearsImportedOnDayOneGiveTheViewItsPastAndALateAssessmentChangesItFromItsDateOn() throws Exception {
        String vacancy = stack.vacancy.baseUrl();
        String candidate = stack.candidate.baseUrl();
        imported(vacancy, "organisations", "organisations.csv", 2);
        imported(vacancy, "posts", "posts.csv", 2);
        imported(candidate, "candidates", "candidates.csv", 6);
        imported(candidate, "fit-and-proper-checks", "fit-and-proper-checks.csv", 5);
        imported(candidate, "readiness-assessments", "readiness-assessments.csv", 4);
        ids.put("H", idOf(candidate, "candidates", "H"));
        ids.put("G", idOf(candidate, "candidates", "G"));
        imported(vacancy, "incumbencies", "incumbencies.csv", 4);
        imported(candidate, "nominations", "nominations.csv", 2);
        imported(candidate, "career-exits", "career-exits.csv", 1);
        String post = idOf(vacancy, "posts", "POST-1");
        String h = ids.get("H");

        // The post today: Dilys and Emrys ready now (Emrys named too); Bryn's check lapsed 64 days ago or so.
        await().atMost(WAIT).untilAsserted(() -> as(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + post).then()
                .statusCode(200).body("readyNow", equalTo(2)).body("readySoon", equalTo(0)).body("namedReadyNow", equalTo(1))
                .body("poolReadyNow", equalTo(2)).body("replaceability", equalTo("VIABLE")));

        // Its past, by the rows' dates. Alys counts from her assessment until her check lapses; Hari not while he
        // holds the post, then from his departure until his check lapses; Bryn (named, one to two years) from his
        // nomination; Dilys and Emrys from their assessments, Emrys named five days later; Bryn's check lapses.
        List<List<Object>> expected = List.of(
                entry(d(-1100), 0, 0, 0, 0, "NONE", h),
                entry(d(-900), 1, 0, 0, 1, "THIN", h),
                entry(checkLapses(d(-1000)), 0, 0, 0, 0, "NONE", h),
                entry(d(-500), 1, 0, 0, 1, "THIN", null),
                entry(d(-420), 1, 1, 0, 1, "THIN", null),
                entry(checkLapses(d(-600)), 0, 1, 0, 0, "NONE", null),
                entry(d(-150), 1, 1, 0, 1, "THIN", null),
                entry(d(-125), 2, 1, 0, 2, "VIABLE", null),
                entry(d(-120), 2, 1, 1, 2, "VIABLE", null),
                entry(checkLapses(d(-430)), 2, 0, 1, 2, "VIABLE", null));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, effectiveHistory(post)));

        // As of three past days: before the import the view had recorded nothing of them, by their own dates it has.
        assertEquals(Arrays.asList(1, 0, 0, 1, "THIN", h), effectiveOn(post, d(-800)));
        assertEquals(Arrays.asList(1, 1, 0, 1, "THIN", null), effectiveOn(post, d(-400)));
        assertEquals(Arrays.asList(2, 1, 1, 2, "VIABLE", null), effectiveOn(post, d(-100)));
        as(stack.succession.baseUrl()).queryParam("asOf", d(-800).toString()).get("/api/v1/succession/posts/" + post)
                .then().statusCode(404).body("field", equalTo("asOf"));

        // Would a dismissal have been credible 400 days ago? One ready now: no. The last exits of the region's chief
        // medical officers up to that day: Hari's resignation 500 days ago.
        as(stack.succession.baseUrl()).queryParam("asOf", d(-400).toString()).queryParam("basis", "effective")
                .get("/api/v1/succession/posts/" + post + "/dismissal-readiness").then().statusCode(200)
                .body("credible", equalTo(false)).body("numbers.readyNow", equalTo(1)).body("numbers.namedReadyNow", equalTo(0))
                .body("numbers.recentExits.considered", equalTo(1)).body("numbers.recentExits.voluntary", equalTo(1))
                .body("numbers.recentExits.upTo", equalTo(d(-400).toString()));
        // 100 days ago: two ready now, credible; Gwen's dismissal at the other trust 200 days ago is among the exits
        // (recorded twice, as her departure and as her career exit: one exit).
        as(stack.succession.baseUrl()).queryParam("asOf", d(-100).toString()).queryParam("basis", "effective")
                .get("/api/v1/succession/posts/" + post + "/dismissal-readiness").then().statusCode(200)
                .body("credible", equalTo(true)).body("numbers.readyNow", equalTo(2))
                .body("numbers.recentExits.considered", equalTo(2)).body("numbers.recentExits.dismissed", equalTo(1));

        // The summary's exits of the last 12 months for the specialist trusts' chief medical officers: Gwen's
        // dismissal, once; Hari's resignation is older than 12 months.
        await().atMost(WAIT).untilAsserted(() -> as(stack.succession.baseUrl()).queryParam("groupBy", "organisationType")
                .queryParam("role", "CHIEF_MEDICAL_OFFICER").get("/api/v1/succession/summary").then().statusCode(200)
                .body("groups.find { it.group == 'SPECIALIST' }.dismissalsLast12Months", equalTo(1))
                .body("groups.find { it.group == 'SPECIALIST' }.voluntaryExitsLast12Months", equalTo(0))
                .body("groups.find { it.group == 'SPECIALIST' }.mutualAgreementExitsLast12Months", equalTo(0)));

        // Late facts: Lowri, checked 700 days ago and assessed ready now 380 days ago, imported only now: from her
        // assessment until her check lapses she is a second person ready now. And Dilys's assessment of 190 days ago
        // (ready in one to two years), earlier than her current one: it counts from its date until the current one's.
        // Before each date nothing changes, and today's numbers stay as they were.
        imported(candidate, "candidates", "late-candidate.csv", 1);
        imported(candidate, "fit-and-proper-checks", "late-fit-and-proper-check.csv", 1);
        imported(candidate, "readiness-assessments", "late-readiness-assessment.csv", 2);
        List<List<Object>> withLate = new ArrayList<>(expected);
        withLate.add(5, entry(d(-380), 2, 1, 0, 2, "VIABLE", null));
        withLate.add(6, entry(checkLapses(d(-700)), 1, 1, 0, 1, "THIN", null));
        withLate.add(8, entry(d(-190), 0, 2, 0, 0, "NONE", null));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(withLate, effectiveHistory(post)));
        assertEquals(Arrays.asList(1, 1, 0, 1, "THIN", null), effectiveOn(post, d(-400)));
        assertEquals(Arrays.asList(2, 1, 0, 2, "VIABLE", null), effectiveOn(post, d(-360)));
        as(stack.succession.baseUrl()).queryParam("asOf", d(-360).toString()).queryParam("basis", "effective")
                .get("/api/v1/succession/posts/" + post + "/dismissal-readiness").then().statusCode(200).body("credible", equalTo(true));
        as(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + post).then().statusCode(200)
                .body("readyNow", equalTo(2)).body("readySoon", equalTo(0)).body("namedReadyNow", equalTo(1));
    }
}
