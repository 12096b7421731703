package org.understudy.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The public HTTP APIs of the three services, as a trust's HR team and a regulator use them in a
 * story: nothing here touches a topic or a database.
 */
final class StoryClient {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Stack stack;

    StoryClient(Stack stack) {
        this.stack = stack;
    }

    /** The numbers of a post's succession view that a step checks. */
    record Numbers(int readyNow, int readySoon, int namedReadyNow, int poolReadyNow, String replaceability) {
        static Numbers of(int readyNow, int readySoon, int named, int pool, String replaceability) {
            return new Numbers(readyNow, readySoon, named, pool, replaceability);
        }

        /** The numbers a response shows. */
        static Numbers of(ValidatableResponse response) {
            var json = response.extract().jsonPath();
            return new Numbers(json.getInt("readyNow"), json.getInt("readySoon"), json.getInt("namedReadyNow"),
                    json.getInt("poolReadyNow"), json.getString("replaceability"));
        }

        void assertOn(ValidatableResponse response) {
            response.body("readyNow", equalTo(readyNow))
                    .body("readySoon", equalTo(readySoon))
                    .body("namedReadyNow", equalTo(namedReadyNow))
                    .body("poolReadyNow", equalTo(poolReadyNow))
                    .body("depth", equalTo(readyNow))
                    .body("replaceability", equalTo(replaceability));
        }
    }

    // ---- vacancy-service -------------------------------------------------------------------------

    private RequestSpecification vacancyService() {
        return given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON);
    }

    void organisation(String ods, String name, String region, String type, int segment, int expectedStatus) {
        Map<String, Object> body = Map.of("odsCode", ods, "name", name, "region", region, "organisationType", type,
                "foundationTrust", true, "integratedCareBoardCode", "QUE", "oversightSegment", segment);
        if (expectedStatus == 201) {
            vacancyService().body(body).post("/api/v1/organisations").then().statusCode(201);
        } else {
            vacancyService().body(body).put("/api/v1/organisations/" + ods).then().statusCode(expectedStatus);
        }
    }

    UUID post(String ods, String role) {
        return UUID.fromString(vacancyService().body(Map.of("odsCode", ods, "role", role))
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId"));
    }

    /** Someone outside the pipeline holds the post (their name stays in vacancy-service). */
    void incumbentByName(UUID postId, String name, LocalDate since) {
        PersonalValues.remember(name);
        vacancyService().body(Map.of("name", name, "since", since.toString(), "interim", false))
                .put("/api/v1/posts/" + postId + "/incumbent").then().statusCode(200)
                .body("incumbent.name", equalTo(name));
    }

    UUID vacancy(UUID postId) {
        return UUID.fromString(vacancyService().body(Map.of("postId", postId.toString()))
                .post("/api/v1/vacancies").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("vacancyId"));
    }

    void vacancyStatus(UUID vacancyId, String status, LocalDate closingDate) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status));
        if (closingDate != null) {
            body.put("closingDate", closingDate.toString());
        }
        vacancyService().body(body).post("/api/v1/vacancies/" + vacancyId + "/status").then().statusCode(200)
                .body("status", equalTo(status));
    }

    /** Records an application; returns its id. */
    UUID apply(UUID vacancyId, UUID candidateId) {
        Response response = vacancyService().body(Map.of("candidateId", candidateId.toString()))
                .post("/api/v1/vacancies/" + vacancyId + "/applications");
        response.then().statusCode(201);
        return UUID.fromString(response.path("applications.find { it.candidateId == '" + candidateId + "' }.applicationId"));
    }

    void shortlist(UUID vacancyId, List<UUID> applicationIds) {
        vacancyService().body(Map.of("applicationIds", applicationIds.stream().map(UUID::toString).toList()))
                .put("/api/v1/vacancies/" + vacancyId + "/shortlist").then().statusCode(200);
    }

    void appoint(UUID vacancyId, UUID applicationId, LocalDate start, String previousLeftBecause) {
        Map<String, Object> body = new HashMap<>(Map.of("applicationId", applicationId.toString(), "startDate", start.toString(),
                "interim", false));
        if (previousLeftBecause != null) {
            body.put("previousLeftBecause", previousLeftBecause); // only when the post is held
        }
        vacancyService().body(body).log().ifValidationFails()
                .post("/api/v1/vacancies/" + vacancyId + "/appointment").then().statusCode(200)
                .body("status", equalTo("FILLED"));
    }

    // ---- candidate-service -----------------------------------------------------------------------

    /** A post's successor list from candidate-service, as the holder of this token sees it. */
    io.restassured.path.json.JsonPath successorList(UUID postId, String token) {
        return given().baseUri(stack.candidate.baseUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/successor-lists/" + postId).then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification candidateService() {
        return given().baseUri(stack.candidate.baseUrl()).contentType(ContentType.JSON);
    }

    UUID candidate(String name, List<String> regions, List<String> types, boolean considersChallenged) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net";
        PersonalValues.remember(name, email);
        Map<String, Object> body = Map.of("name", name, "email", email, "mobility",
                Map.of("regions", regions, "organisationTypes", types, "considersChallengedOrganisations", considersChallenged));
        return UUID.fromString(candidateService().body(body).post("/api/v1/candidates")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("candidateId"));
    }

    void fitAndProper(UUID candidateId, String status, LocalDate checkedOn) {
        candidateService().body(Map.of("status", status, "checkedOn", checkedOn.toString()))
                .put("/api/v1/candidates/" + candidateId + "/fit-and-proper").then().statusCode(200)
                .body("status", equalTo(status));
    }

    void assess(UUID candidateId, String role, String level, LocalDate assessedOn) {
        candidateService().body(Map.of("role", role, "level", level, "assessedOn", assessedOn.toString(),
                        "assessedBy", "East of England talent board"))
                .put("/api/v1/candidates/" + candidateId + "/readiness").then().statusCode(200)
                .body("current", equalTo(true));
    }

    /** Names the candidate as successor, retrying while candidate-service has not yet heard of the post (404). */
    void nominate(UUID candidateId, UUID postId, String readiness) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            int status = candidateService().body(Map.of("postId", postId.toString(), "readiness", readiness))
                    .post("/api/v1/candidates/" + candidateId + "/nominations").statusCode();
            if (status != 201 && status != 404) {
                throw new AssertionError("nominating " + candidateId + " for " + postId + " answered " + status);
            }
            return status == 201;
        });
    }

    // ---- succession-service ----------------------------------------------------------------------

    ValidatableResponse view(UUID postId) {
        return given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId).then().statusCode(200);
    }

    ValidatableResponse viewAsOf(UUID postId, String instant) {
        return given().baseUri(stack.succession.baseUrl()).queryParam("asOf", instant)
                .get("/api/v1/succession/posts/" + postId).then().statusCode(200);
    }

    Response history(UUID postId) {
        Response response = given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId + "/history");
        response.then().statusCode(200);
        return response;
    }

    Response listAsOf(Map<String, ?> filters, String instant) {
        Response response = given().baseUri(stack.succession.baseUrl()).queryParams(filters).queryParam("asOf", instant)
                .queryParam("size", 100).get("/api/v1/succession/posts");
        response.then().statusCode(200);
        return response;
    }

    /**
     * Waits until the post's view shows these numbers and passes the further checks, then returns that
     * response: each step's numbers are checked in full, never only the one that moved.
     */
    Response awaitView(UUID postId, Numbers numbers, Consumer<ValidatableResponse> more) {
        Response[] seen = new Response[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response response = given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId);
            ValidatableResponse then = response.then().statusCode(200);
            numbers.assertOn(then);
            more.accept(then);
            seen[0] = response;
        });
        return seen[0];
    }
}
