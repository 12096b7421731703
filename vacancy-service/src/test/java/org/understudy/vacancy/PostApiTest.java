package org.understudy.vacancy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PostApiTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String registerOrganisation() {
        String ods = OrganisationApiTest.newOdsCode();
        given().contentType(ContentType.JSON).body(OrganisationApiTest.organisation(ods, 3))
                .post("/api/v1/organisations").then().statusCode(201);
        return ods;
    }

    @Test
    void creatingAPostStoresItAndPublishesItKeyedByPostId() {
        String ods = registerOrganisation();
        String postId = given().contentType(ContentType.JSON).body("{\"odsCode\":\"" + ods + "\",\"role\":\"CHIEF_EXECUTIVE\"}")
                .when().post("/api/v1/posts")
                .then().statusCode(201)
                .body("odsCode", equalTo(ods))
                .body("role", equalTo("CHIEF_EXECUTIVE"))
                .extract().path("postId");

        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("role", equalTo("CHIEF_EXECUTIVE"));
        given().queryParam("odsCode", ods).get("/api/v1/posts").then().statusCode(200).body("total", equalTo(1));

        try (TopicReader events = new TopicReader(bootstrap, Topics.VACANCY_EVENTS)) {
            CloudEvent event = EventContract.parse(events.await(r -> r.key().equals(postId), 1, Duration.ofSeconds(15)).get(0).value());
            assertEquals(VacancyEventTypes.POST_CREATED, event.type());
            assertEquals(ods, event.data().get("state").get("odsCode").asText());
        }
    }

    @Test
    void aSecondPostForTheSameRoleIsAConflict() {
        String ods = registerOrganisation();
        String body = "{\"odsCode\":\"" + ods + "\",\"role\":\"CHAIR\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/posts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/posts")
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("role"));
        given().queryParam("odsCode", ods).get("/api/v1/posts").then().body("total", equalTo(1));
    }

    @Test
    void aPostAtAnUnknownOrganisationIsNotFound() {
        given().contentType(ContentType.JSON).body("{\"odsCode\":\"ZZ999\",\"role\":\"CHAIR\"}")
                .when().post("/api/v1/posts")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("odsCode"));
    }

    @Test
    void anUnknownRoleIsAProblemNamingRole() {
        String ods = registerOrganisation();
        given().contentType(ContentType.JSON).body("{\"odsCode\":\"" + ods + "\",\"role\":\"KING\"}")
                .when().post("/api/v1/posts")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("role"));
        given().queryParam("odsCode", ods).get("/api/v1/posts").then().body("total", equalTo(0));
    }

    @Test
    void unreadableParametersAreProblemsNamingThem() {
        given().queryParam("role", "KING").get("/api/v1/posts")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("role"));
        given().get("/api/v1/posts/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("postId"));
        given().queryParam("region", "WALES").get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("region"));
    }

    @Test
    void anUnknownPostIsNotFound() {
        given().get("/api/v1/posts/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("postId"));
    }
}
