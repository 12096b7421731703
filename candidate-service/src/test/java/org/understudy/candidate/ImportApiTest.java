package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;
import org.understudy.infra.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.understudy.candidate.Fixtures.today;

/** Imports through the API: files in, jobs watched to the end, and what the rows stored read back. */
@QuarkusTest
class ImportApiTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final String CANDIDATE_HEADER = "key,name,email,currentJobTitle,regions,organisationTypes,considersChallengedOrganisations\n";

    private static String submit(String kind, String contentType, String file, String query) {
        return given().contentType(contentType).body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/" + kind + query)
                .then().statusCode(202).header("Location", containsString("/api/v1/imports/" + kind + "/"))
                .body("status", equalTo("QUEUED")).extract().path("id");
    }

    /** Submits a file and waits for its job to end; the finished job. */
    private static ValidatableResponse imported(String kind, String contentType, String file, String query) {
        String id = submit(kind, contentType, file, query);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> List.of("COMPLETED", "REJECTED", "FAILED")
                .contains(given().get("/api/v1/imports/" + kind + "/" + id).then().extract().<String>path("status")));
        return given().get("/api/v1/imports/" + kind + "/" + id).then().statusCode(200);
    }

    private static ValidatableResponse csv(String kind, String file) {
        return imported(kind, "text/csv", file, "");
    }

    private static String idOf(String kind, String key) {
        return given().get("/api/v1/imports/" + kind + "/keys/" + key).then().statusCode(200).extract().path("id");
    }

    private static void absent(String kind, String key) {
        given().get("/api/v1/imports/" + kind + "/keys/" + key).then().statusCode(404).body("field", equalTo("key"));
    }

    @Test
    void candidatesComeInOnceAndAFileImportedAgainChangesNothing() {
        String t = Fixtures.token();
        String file = CANDIDATE_HEADER
                + "ESR-" + t + "-1,Ada Example,ada." + t + "@example.nhs.uk,Chief Operating Officer,NORTH_WEST;MIDLANDS,ACUTE,true\n"
                + "ESR-" + t + "-2,Ben Example,ben." + t + "@example.nhs.uk,Medical Director,LONDON,,\n"
                + "ESR-" + t + "-3,\"Example, Cy\",cy." + t + "@example.nhs.uk,,,,false\n";
        csv("candidates", file).body("status", equalTo("COMPLETED")).body("rows", equalTo(3)).body("rowsDone", equalTo(3))
                .body("created", equalTo(3)).body("unchanged", equalTo(0)).body("rejected", equalTo(0)).body("problems", hasSize(0))
                .body("submittedBy", equalTo("admin-user"));
        String ada = idOf("candidates", "ESR-" + t + "-1");
        given().get("/api/v1/candidates/" + ada).then().statusCode(200).body("name", equalTo("Ada Example"))
                .body("mobility.regions", equalTo(List.of("MIDLANDS", "NORTH_WEST"))).body("mobility.considersChallengedOrganisations", equalTo(true));
        given().get("/api/v1/candidates/" + idOf("candidates", "ESR-" + t + "-3")).then().body("name", equalTo("Example, Cy"));

        csv("candidates", file).body("status", equalTo("COMPLETED")).body("created", equalTo(0)).body("unchanged", equalTo(3));
        int version = Fixtures.version(ada);

        String changed = file.replace("Chief Operating Officer", "Deputy Chief Executive");
        csv("candidates", changed).body("updated", equalTo(1)).body("unchanged", equalTo(2));
        given().get("/api/v1/candidates/" + ada).then().body("currentJobTitle", equalTo("Deputy Chief Executive"))
                .body("version", equalTo(version + 1));
    }

    @Test
    void aCandidateWhoseEmailIsTakenOrRepeatedInTheFileIsRefusedAndTheOthersOfTheChunkStored() {
        String t = Fixtures.token();
        csv("candidates", CANDIDATE_HEADER + "E-" + t + "-0,Fay Example,fay." + t + "@example.nhs.uk,,,,\n").body("created", equalTo(1));
        csv("candidates", CANDIDATE_HEADER
                + "E-" + t + "-1,Gus Example,gus." + t + "@example.nhs.uk,,,,\n"        // line 2: good
                + "E-" + t + "-2,Fay Again,FAY." + t + "@example.nhs.uk,,,,\n"          // line 3: registered already (any case)
                + "E-" + t + "-3,Hal Example,hal." + t + "@example.nhs.uk,,,,\n"        // line 4: good
                + "E-" + t + "-4,Gus Twice,gus." + t + "@example.nhs.uk,,,,\n")         // line 5: line 2's address
                .body("status", equalTo("COMPLETED")).body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("problems.line", equalTo(List.of(3, 5))).body("problems.field", equalTo(List.of("email", "email")))
                .body("problems.key", equalTo(List.of("E-" + t + "-2", "E-" + t + "-4")));
        given().get("/api/v1/candidates/" + idOf("candidates", "E-" + t + "-1")).then().statusCode(200).body("name", equalTo("Gus Example"));
        given().get("/api/v1/candidates/" + idOf("candidates", "E-" + t + "-3")).then().statusCode(200).body("name", equalTo("Hal Example"));
        absent("candidates", "E-" + t + "-2");
        absent("candidates", "E-" + t + "-4");
    }

    @Test
    void assessmentsInAnyOrderLeaveTheLatestCurrentAndAnEarlierOneJoinsTheHistoryAndTheEvent() {
        String t = Fixtures.token();
        csv("candidates", CANDIDATE_HEADER + "K-" + t + ",Dee Example,dee." + t + "@example.nhs.uk,,,,\n").body("created", equalTo(1));
        String dee = idOf("candidates", "K-" + t);
        String header = "key,candidateKey,role,level,assessedOn,assessedBy\n";
        csv("readiness-assessments", header
                + "A-" + t + "-2,K-" + t + ",CHIEF_EXECUTIVE,READY_1_2_YEARS,2024-05-01,Talent board\n"
                + "A-" + t + "-3,K-" + t + ",CHIEF_EXECUTIVE,READY_NOW,2025-06-01,Talent board\n"
                + "A-" + t + "-1,K-" + t + ",CHIEF_EXECUTIVE,NOT_READY,2023-01-10,Talent board\n")
                .body("status", equalTo("COMPLETED")).body("created", equalTo(3));
        given().get("/api/v1/candidates/" + dee).then().statusCode(200)
                .body("readiness.level", equalTo(List.of("READY_NOW"))).body("readiness.assessedOn", equalTo(List.of("2025-06-01")));
        int version = Fixtures.version(dee);
        assertEquals(4, version, "registered, then one version per assessment");
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS)) {
            // Applied oldest first, each in its own event: the current one at that point, and those it had replaced.
            List<CloudEvent> assessed = Fixtures.events(topic, dee, 4).subList(1, 4);
            assertEquals(List.of(2, 3, 4), assessed.stream().map(e -> e.data().get("version").asInt()).toList());
            assertEquals(List.of("[\"readiness\"]", "[\"readiness\"]", "[\"readiness\"]"),
                    assessed.stream().map(e -> e.data().get("changed").toString()).toList());
            assertEquals(List.of("NOT_READY@2023-01-10", "READY_1_2_YEARS@2024-05-01", "READY_NOW@2025-06-01"), assessed.stream()
                    .map(e -> e.data().get("state").get("readiness").get(0))
                    .map(r -> r.get("level").asText() + "@" + r.get("assessedOn").asText()).toList());
            assertEquals(List.of(0, 1, 2), assessed.stream().map(e -> e.data().get("state").get("earlierReadiness").size()).toList());
        }

        csv("readiness-assessments", header + "A-" + t + "-0,K-" + t + ",CHIEF_EXECUTIVE,NOT_READY,2022-03-01,Talent board\n")
                .body("created", equalTo(1));
        given().get("/api/v1/candidates/" + dee + "/readiness/history").then().statusCode(200)
                .body("items.assessedOn", equalTo(List.of("2025-06-01", "2024-05-01", "2023-01-10", "2022-03-01")))
                .body("items.current", equalTo(List.of(true, false, false, false)));
        given().get("/api/v1/candidates/" + dee).then().body("readiness.assessedOn", equalTo(List.of("2025-06-01")));
        assertEquals(version + 1, Fixtures.version(dee), "an assessment earlier than the current one is a change of the candidate's state");
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS)) {
            CloudEvent last = Fixtures.events(topic, dee, version + 1).get(version);
            assertEquals(CandidateEventTypes.READINESS_ASSESSED, last.type());
            assertEquals("[\"earlierReadiness\"]", last.data().get("changed").toString());
            assertEquals("[{\"role\":\"CHIEF_EXECUTIVE\",\"level\":\"READY_NOW\",\"assessedOn\":\"2025-06-01\"}]",
                    last.data().get("state").get("readiness").toString(), "the current assessment stays");
            assertEquals("[{\"role\":\"CHIEF_EXECUTIVE\",\"level\":\"READY_1_2_YEARS\",\"assessedOn\":\"2024-05-01\"},"
                            + "{\"role\":\"CHIEF_EXECUTIVE\",\"level\":\"NOT_READY\",\"assessedOn\":\"2023-01-10\"},"
                            + "{\"role\":\"CHIEF_EXECUTIVE\",\"level\":\"NOT_READY\",\"assessedOn\":\"2022-03-01\"}]",
                    last.data().get("state").get("earlierReadiness").toString(), "the replaced ones, each with its date, newest first");
        }
    }

    @Test
    void badRowsAreRefusedOneByOneAndTheGoodOnesStored() {
        String t = Fixtures.token();
        LocalDate tomorrow = today().plusDays(1);
        csv("candidates", CANDIDATE_HEADER + "P-" + t + ",Eve Example,eve." + t + "@example.nhs.uk,,,,\n");
        String header = "key,candidateKey,role,level,assessedOn,assessedBy\n";
        csv("readiness-assessments", header
                + "R-" + t + "-1,P-" + t + ",CHIEF_EXECUTIVE,READY_NOW,2025-13-01,Board\n"          // line 2: no 13th month
                + "R-" + t + "-2,P-" + t + ",CHIEF_EXECUTIVE,READY_NOW," + tomorrow + ",Board\n"    // line 3: the future
                + "R-" + t + "-3,P-" + t + ",CHIEF_EXECUTIVE,SOMEDAY,2025-01-01,Board\n"            // line 4: no such level
                + "R-" + t + "-4,NOBODY-" + t + ",CHIEF_EXECUTIVE,READY_NOW,2025-01-01,Board\n"     // line 5: no such candidate
                + "R-" + t + "-5,P-" + t + ",CHIEF_EXECUTIVE,READY_NOW,2025-02-01,Board\n"          // line 6: good
                + "R-" + t + "-5,P-" + t + ",CHIEF_EXECUTIVE,READY_1_2_YEARS,2025-02-01,Board\n"         // line 7: its key again, other content
                + ",P-" + t + ",CHIEF_EXECUTIVE,READY_NOW,2025-02-02,\n")                           // line 8: no key, no assessor
                .body("status", equalTo("COMPLETED")).body("created", equalTo(1)).body("rejected", equalTo(6))
                .body("problems.line", equalTo(List.of(2, 3, 4, 5, 7, 8, 8)))
                .body("problems.field", equalTo(List.of("assessedOn", "assessedOn", "level", "candidateKey", "key", "assessedBy", "key")))
                .body("problems[0].reason", containsString("a date (yyyy-mm-dd)"))
                .body("problems[1].reason", containsString("must not be in the future"))
                .body("problems[2].reason", containsString("READY_NOW"))
                .body("problems[3].reason", containsString("NOBODY-" + t))
                .body("problems[4].reason", containsString("on line 6 with other content"));
        for (int i = 1; i <= 4; i++) {
            absent("readiness-assessments", "R-" + t + "-" + i);
        }
        given().get("/api/v1/candidates/" + idOf("candidates", "P-" + t) + "/readiness/history").then().body("items", hasSize(1));
    }

    @Test
    void aNominationForAPostNotKnownIsRefusedAndOneForAKnownPostKeepsItsDate() throws Exception {
        String t = Fixtures.token();
        String ods = ("N" + t).substring(0, 5).toUpperCase();
        csv("candidates", CANDIDATE_HEADER + "N-" + t + ",Fay Example,fay." + t + "@example.nhs.uk,,,,\n");
        UUID postId = Fixtures.announcePost(bootstrap, ods, BoardRole.CHIEF_NURSE);
        String header = "key,candidateKey,odsCode,role,readiness,nominatedOn\n";
        String rows = "NOM-" + t + "-1,N-" + t + "," + ods + ",CHIEF_NURSE,READY_NOW,2024-09-30\n"
                + "NOM-" + t + "-2,N-" + t + "," + ods + ",CHIEF_EXECUTIVE,READY_NOW,2024-09-30\n";
        await().atMost(Fixtures.WAIT).until(() -> { // the post reaches this service through vacancy-events
            csv("nominations", header + rows);
            return given().get("/api/v1/imports/nominations/keys/NOM-" + t + "-1").statusCode() == 200;
        });
        String fay = idOf("candidates", "N-" + t);
        given().get("/api/v1/candidates/" + fay + "/nominations").then().body("postId", equalTo(List.of(postId.toString())))
                .body("nominatedOn", equalTo(List.of("2024-09-30")));
        csv("nominations", header + rows).body("unchanged", equalTo(1)).body("rejected", equalTo(1))
                .body("problems[0].line", equalTo(3)).body("problems[0].field", equalTo("odsCode"))
                .body("problems[0].reason", containsString("no CHIEF_EXECUTIVE post at " + ods));
        absent("nominations", "NOM-" + t + "-2");
    }

    @Test
    void aDryRunStoresNothingAndAnAtomicFileWithABadRowStoresNothingEither() {
        String t = Fixtures.token();
        String file = CANDIDATE_HEADER + "D-" + t + "-1,Gus Example,gus." + t + "@example.nhs.uk,,,,\n"
                + "D-" + t + "-2,Hal Example,not-an-address,,,,\n";
        imported("candidates", "text/csv", file, "?dryRun=true").body("status", equalTo("COMPLETED")).body("dryRun", equalTo(true))
                .body("created", equalTo(1)).body("rejected", equalTo(1)).body("problems[0].field", equalTo("email"))
                .body("message", startsWith("dry run"));
        absent("candidates", "D-" + t + "-1");

        imported("candidates", "text/csv", file, "?atomic=true").body("status", equalTo("REJECTED")).body("created", equalTo(0))
                .body("rejected", equalTo(1)).body("problems[0].line", equalTo(3)).body("message", containsString("nothing"));
        absent("candidates", "D-" + t + "-1");

        String ndjson = "{\"key\":\"D-" + t + "-1\",\"name\":\"Gus Example\",\"email\":\"gus." + t + "@example.nhs.uk\",\"regions\":[\"LONDON\"]}\n"
                + "\n{\"key\":\"D-" + t + "-3\",\"name\":\"Ida Example\",\"email\":\"ida." + t + "@example.nhs.uk\"}\n";
        imported("candidates", "application/x-ndjson", ndjson, "?atomic=true").body("status", equalTo("COMPLETED")).body("created", equalTo(2));
        given().get("/api/v1/candidates/" + idOf("candidates", "D-" + t + "-1")).then().body("mobility.regions", equalTo(List.of("LONDON")));
    }

    /** The documented example files import in the documented order, and the NDJSON one holds the CSV one's candidates. */
    @Test
    void theExampleFilesImportWithoutAProblem() throws Exception {
        Fixtures.announcePost(bootstrap, "RW6", BoardRole.CHIEF_EXECUTIVE);
        Fixtures.announcePost(bootstrap, "RW6", BoardRole.CHIEF_NURSE);
        Path examples = Path.of("..", "docs", "examples");
        csv("candidates", Files.readString(examples.resolve("candidates.csv"))).body("created", equalTo(3)).body("rejected", equalTo(0));
        imported("candidates", "application/x-ndjson", Files.readString(examples.resolve("candidates.ndjson")), "")
                .body("unchanged", equalTo(3)).body("rejected", equalTo(0));
        csv("readiness-assessments", Files.readString(examples.resolve("readiness-assessments.csv"))).body("created", equalTo(5));
        csv("fit-and-proper-checks", Files.readString(examples.resolve("fit-and-proper-checks.csv"))).body("created", equalTo(3));
        await().atMost(Fixtures.WAIT).until(() -> { // the posts reach this service through vacancy-events
            csv("nominations", Files.readString(examples.resolve("nominations.csv")));
            return given().get("/api/v1/imports/nominations/keys/SP-RW6-CN-1").statusCode() == 200;
        });
        csv("career-exits", Files.readString(examples.resolve("career-exits.csv"))).body("created", equalTo(1)).body("rejected", equalTo(0));
        given().get("/api/v1/candidates/" + idOf("candidates", "ESR-100231")).then()
                .body("readiness.level", equalTo(List.of("READY_NOW"))).body("fitAndProper.status", equalTo("PASSED"));
    }

    @Inject
    EntityManager em;

    /** A job whose instance stopped (its heartbeat not renewed) shows FAILED, on whichever instance is asked. */
    @Test
    void aJobWhoseInstanceStoppedShowsFailed() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO import_job (job_id, kind, status, dry_run, atomic, file_format, rows_total, rows_done, created,
                                                submitted_by, submitted_at, started_at, heartbeat_at)
                        VALUES (?1, 'candidates', 'RUNNING', false, false, 'CSV', 1000, 250, 250, 'talent-user',
                                now() - interval '1 hour', now() - interval '1 hour', now() - interval '5 minutes')""")
                .setParameter(1, id).executeUpdate());
        given().get("/api/v1/imports/candidates/" + id).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("rowsDone", equalTo(250)).body("message", containsString("stopped before it finished"));
        given().get("/api/v1/imports/candidates/" + UUID.randomUUID()).then().statusCode(404).body("field", equalTo("jobId"));
    }

    @Test
    void aWrongFileIsRefusedAtOnceAsAProblem() {
        given().contentType("text/csv").body("key,name,email,shoeSize\nX,Y,z@example.nhs.uk,9\n").post("/api/v1/imports/candidates")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("shoeSize"))
                .body("detail", containsString("unknown column 'shoeSize'"));
        given().contentType("application/json").body("[]").post("/api/v1/imports/candidates")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("text/csv").body("key,name\n").post("/api/v1/imports/candidates")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("no rows"));
        given().contentType("text/csv").body("key\nX\n").post("/api/v1/imports/secrets")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("kind"));
        String big = CANDIDATE_HEADER + "X,Y,z@example.nhs.uk,,,,\n".repeat(50_000);
        given().contentType("text/csv").body(big).post("/api/v1/imports/candidates")
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.mint("hr", "R0A")).contentType("text/csv").body(CANDIDATE_HEADER).post("/api/v1/imports/candidates")
                .then().statusCode(403);
    }
}
