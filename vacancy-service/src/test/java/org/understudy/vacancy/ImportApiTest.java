package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A trust's records imported with their own dates: organisations, posts, who held each post and why they left. */
@QuarkusTest
class ImportApiTest {
    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    /** Submits a CSV file and waits for its job to end; the finished job. */
    private static ValidatableResponse csv(String token, String kind, String file) {
        String id = as(token).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/" + kind)
                .then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!List.of("COMPLETED", "REJECTED", "FAILED").contains(as(token).get("/api/v1/imports/" + kind + "/" + id)
                .then().extract().<String>path("status")) && System.nanoTime() < deadline) {
            sleep();
        }
        return as(token).get("/api/v1/imports/" + kind + "/" + id).then().statusCode(200).body("status", not(equalTo("RUNNING")));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(String kind, String key) {
        return given().get("/api/v1/imports/" + kind + "/keys/" + key).then().statusCode(200).extract().path("id");
    }

    @Test
    void aTrustsPostsAndTheirHoldersSinceComeInWithTheirDates() {
        String ods = OrganisationApiTest.newOdsCode();
        String header = "key,odsCode,name,region,organisationType,foundationTrust,integratedCareBoardCode\n";
        String organisations = header + "ORG-" + ods + "," + ods + ",Example Hospitals NHS Foundation Trust,NORTH_WEST,ACUTE,true,QOP\n";
        csv(null, "organisations", organisations).body("status", equalTo("COMPLETED")).body("created", equalTo(1));
        csv(null, "organisations", organisations).body("unchanged", equalTo(1));
        given().get("/api/v1/organisations/" + ods).then().statusCode(200).body("name", equalTo("Example Hospitals NHS Foundation Trust"));

        csv(null, "posts", "key,odsCode,role\nP-" + ods + "-CE," + ods + ",CHIEF_EXECUTIVE\nP-" + ods + "-CN," + ods + ",CHIEF_NURSE\n")
                .body("created", equalTo(2));
        String chiefExecutive = idOf("posts", "P-" + ods + "-CE");

        String holders = "key,odsCode,role,name,since,until,reasonLeft,interim\n"
                + "H-" + ods + "-3," + ods + ",CHIEF_EXECUTIVE,Cat Example,2024-05-01,,,false\n"
                + "H-" + ods + "-1," + ods + ",CHIEF_EXECUTIVE,Ann Example,2019-04-01,2021-06-30,RESIGNED,false\n"
                + "H-" + ods + "-2," + ods + ",CHIEF_EXECUTIVE,Bob Example,2021-09-01,2024-02-29,DISMISSED,\n";
        csv(null, "incumbencies", holders).body("status", equalTo("COMPLETED")).body("created", equalTo(3)).body("rejected", equalTo(0));
        given().get("/api/v1/posts/" + chiefExecutive + "/incumbents").then().statusCode(200)
                .body("name", equalTo(List.of("Cat Example", "Bob Example", "Ann Example")))
                .body("since", equalTo(List.of("2024-05-01", "2021-09-01", "2019-04-01")))
                .body("reasonLeft", equalTo(java.util.Arrays.asList(null, "DISMISSED", "RESIGNED")));
        given().get("/api/v1/posts/" + chiefExecutive).then().body("incumbent.name", equalTo("Cat Example"))
                .body("lastDepartureDate", equalTo("2024-02-29")).body("lastDepartureReason", equalTo("DISMISSED"));

        // The export of a later day: the same rows, the holder now gone.
        csv(null, "incumbencies", holders.replace("2024-05-01,,,false", "2024-05-01,2026-01-31,RETIRED,false"))
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
        given().get("/api/v1/posts/" + chiefExecutive).then().body("incumbent", nullValue())
                .body("lastDepartureDate", equalTo("2026-01-31")).body("lastDepartureReason", equalTo("RETIRED"));
    }

    @Test
    void pastRecruitmentsKeepTheirDatesAndTheirApplicants() {
        String ods = OrganisationApiTest.newOdsCode();
        csv(null, "organisations", "key,odsCode,name,region,organisationType,foundationTrust\nV-" + ods + "," + ods
                + ",Recruiting NHS Trust,MIDLANDS,ACUTE,false\n");
        csv(null, "posts", "key,odsCode,role\nVP-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER\n");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String header = "key,odsCode,role,status,firstAdvertisedOn,readverts,closedOn,closeReason,filledOn\n";
        String rows = "VF-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER,FILLED,2023-05-02,1,,,2023-08-15\n"
                + "VL-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER,LAPSED,2023-01-09,0,2023-03-31,No suitable candidates,\n"
                + "VO-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER,OPEN," + today.minusDays(30) + ",0,,,\n"
                + "VX-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER,SHORTLISTING," + today.minusDays(10) + ",0,,,\n"  // a second in play
                + "VB-" + ods + "," + ods + ",CHIEF_FINANCIAL_OFFICER,FILLED,2022-01-10,0,,,2021-12-01\n";              // filled before advertised
        csv(null, "vacancies", header + rows).body("created", equalTo(3)).body("rejected", equalTo(2))
                .body("problems.field", equalTo(List.of("status", "filledOn")));
        String filled = idOf("vacancies", "VF-" + ods);
        String a = java.util.UUID.randomUUID().toString();
        String b = java.util.UUID.randomUUID().toString();
        String c = java.util.UUID.randomUUID().toString();
        csv(null, "applications", "key,vacancyKey,candidateId,appliedOn,withdrawnOn,shortlisted\n"
                + "AP-" + ods + "-1,VF-" + ods + "," + a + ",2023-05-20,,true\n"
                + "AP-" + ods + "-2,VF-" + ods + "," + b + ",2023-05-22,2023-06-01,\n"
                + "AP-" + ods + "-3,VF-" + ods + "," + c + ",2023-06-02,,false\n"
                + "AP-" + ods + "-4,VF-" + ods + "," + c + ",2023-04-02,,false\n")    // before the advert
                .body("created", equalTo(3)).body("problems.field", equalTo(List.of("appliedOn")));
        given().get("/api/v1/vacancies/" + filled).then().statusCode(200).body("status", equalTo("FILLED"))
                .body("firstAdvertisedOn", equalTo("2023-05-02")).body("filledOn", equalTo("2023-08-15"))
                .body("telemetry.daysOpen", equalTo(105)).body("telemetry.timeToAppointDays", equalTo(105))
                .body("telemetry.readverts", equalTo(1)).body("telemetry.applicationsReceived", equalTo(3))
                .body("telemetry.applicationsWithdrawn", equalTo(1)).body("telemetry.shortlistSize", equalTo(1));
        given().get("/api/v1/vacancies/" + idOf("vacancies", "VO-" + ods)).then().body("status", equalTo("OPEN"))
                .body("telemetry.daysOpen", equalTo(30));
    }

    /** The documented example files import in the documented order. */
    @Test
    void theExampleFilesImportWithoutAProblem() throws Exception {
        Path examples = Path.of("..", "docs", "examples");
        String hr = TestTokens.mint("hr", "RW6");
        for (String kind : List.of("organisations", "posts", "incumbencies", "interim-covers", "vacancies", "applications")) {
            csv(hr, kind, Files.readString(examples.resolve(kind + ".csv"))).body("status", equalTo("COMPLETED")).body("rejected", equalTo(0));
        }
        given().get("/api/v1/posts/" + idOf("posts", "RW6-CEO")).then().body("incumbent.name", equalTo("Gus Example"))
                .body("lastDepartureReason", equalTo("END_OF_INTERIM")).body("interimCover.name", equalTo("Ida Example"));
    }

    @Test
    void anOrganisationWhoseCodeIsTakenOrRepeatedInTheFileIsRefusedAndTheOthersOfTheChunkStored() {
        String taken = OrganisationApiTest.newOdsCode();
        String first = OrganisationApiTest.newOdsCode();
        String second = OrganisationApiTest.newOdsCode();
        String header = "key,odsCode,name,region,organisationType,foundationTrust\n";
        csv(null, "organisations", header + "T-" + taken + "," + taken + ",Taken NHS Trust,LONDON,ACUTE,false\n").body("created", equalTo(1));
        csv(null, "organisations", header
                + "A-" + first + "," + first + ",First NHS Trust,LONDON,ACUTE,false\n"          // line 2: good
                + "B-" + taken + "," + taken + ",Taken Again NHS Trust,LONDON,ACUTE,false\n"    // line 3: registered already
                + "C-" + second + "," + second + ",Second NHS Trust,MIDLANDS,COMMUNITY,true\n"  // line 4: good
                + "D-" + first + "," + first + ",First Twice NHS Trust,LONDON,ACUTE,false\n")   // line 5: line 2's code
                .body("status", equalTo("COMPLETED")).body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("problems.line", equalTo(List.of(3, 5))).body("problems.field", equalTo(List.of("odsCode", "odsCode")));
        given().get("/api/v1/organisations/" + first).then().statusCode(200).body("name", equalTo("First NHS Trust"));
        given().get("/api/v1/organisations/" + second).then().statusCode(200).body("name", equalTo("Second NHS Trust"));
        given().get("/api/v1/organisations/" + taken).then().statusCode(200).body("name", equalTo("Taken NHS Trust"));
    }

    @Test
    void rowsAnHrTokenMayNotWriteOrThatContradictThePostAreRefusedOneByOne() {
        String own = OrganisationApiTest.newOdsCode();
        String other = OrganisationApiTest.newOdsCode();
        String hr = TestTokens.mint("hr", own);
        String header = "key,odsCode,name,region,organisationType,foundationTrust,oversightSegment\n";
        csv(hr, "organisations", header
                + "O-" + own + "," + own + ",Own NHS Trust,LONDON,ACUTE,false,\n"
                + "O-" + other + "," + other + ",Other NHS Trust,LONDON,ACUTE,false,\n"
                + "O-" + own + "-S," + own + ",Own NHS Trust,LONDON,ACUTE,false,2\n")              // the regulator's to set
                .body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("problems.line", equalTo(List.of(3, 4))).body("problems.field", equalTo(List.of("odsCode", "oversightSegment")))
                .body("problems[0].reason", containsString("may not change organisation " + other));
        given().get("/api/v1/organisations/" + other).then().statusCode(404);
        csv(null, "organisations", header + "O-" + other + "," + other + ",Other NHS Trust,LONDON,ACUTE,false,\n").body("created", equalTo(1));
        csv(null, "posts", "key,odsCode,role\nQ-" + own + "," + own + ",CHAIR\nQ-" + other + "," + other + ",CHAIR\n").body("created", equalTo(2));

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        csv(hr, "incumbencies", "key,odsCode,role,name,since,until,reasonLeft\n"
                + "I-" + own + "-1," + own + ",CHAIR,Dee Example,2020-01-01,,\n"             // line 2: held from 2020
                + "I-" + own + "-2," + own + ",CHAIR,Eve Example,2022-01-01,,\n"             // line 3: starts while Dee holds it
                + "I-" + other + "," + other + ",CHAIR,Fay Example,2021-01-01,,\n"           // line 4: another trust's post
                + "I-" + own + "-3," + own + ",CHIEF_NURSE,Gus Example,2021-01-01,,\n"       // line 5: no such post
                + "I-" + own + "-4," + own + ",CHAIR,Hal Example," + tomorrow + ",,\n"       // line 6: the future
                + "I-" + own + "-5," + own + ",CHAIR,Ida Example,2019-01-01,2019-06-01,\n")  // line 7: until without reasonLeft
                .body("created", equalTo(1)).body("rejected", equalTo(5))
                .body("problems.line", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("problems.field", equalTo(List.of("since", "odsCode", "odsCode", "since", "reasonLeft")))
                .body("problems[0].reason", containsString("held since 2020-01-01"))
                .body("problems[2].reason", containsString("no CHIEF_NURSE post at " + own));
        given().get("/api/v1/posts/" + idOf("posts", "Q-" + own) + "/incumbents").then().body("name", equalTo(List.of("Dee Example")));
        given().get("/api/v1/posts/" + idOf("posts", "Q-" + other) + "/incumbents").then().body("name", equalTo(List.of()));

        // The change audit names the one who submitted each file (the posts file was admin's).
        as(TestTokens.mint("regulator")).queryParam("odsCode", own).get("/api/v1/audit/changes").then().statusCode(200)
                .body("items.findAll { it.eventType.contains('incumbent') }.changedBy", equalTo(List.of("hr-user")))
                .body("items.findAll { it.eventType.contains('post.created') }.changedBy", equalTo(List.of("admin-user")));
        as(TestTokens.mint("talent")).contentType("text/csv").body("key,odsCode,role\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/posts").then().statusCode(403);
    }
}
