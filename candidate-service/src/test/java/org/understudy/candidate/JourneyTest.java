package org.understudy.candidate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.understudy.candidate.Fixtures.today;

/** One candidate's journey: registered, assessed, nominated, exit; each step one event, in order. */
@QuarkusTest
class JourneyTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void registeredAssessedNominatedExit() throws Exception {
        UUID postId = Fixtures.announcePost(bootstrap, "RJ1", BoardRole.CHIEF_EXECUTIVE);
        String id = Fixtures.register();
        Fixtures.assess(id, "CHIEF_EXECUTIVE", "READY_NOW", today());
        Fixtures.nominateOnceKnown(id, postId, "READY_NOW");
        given().contentType(ContentType.JSON)
                .body("{\"odsCode\":\"RW3\",\"role\":\"CHIEF_OPERATING_OFFICER\",\"date\":\"" + today() + "\",\"reason\":\"MOVED\"}")
                .post("/api/v1/candidates/" + id + "/exits").then().statusCode(201);

        try (TopicReader topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS)) {
            List<CloudEvent> events = Fixtures.events(topic, id, 4);
            assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.READINESS_ASSESSED,
                    CandidateEventTypes.NOMINATED, CandidateEventTypes.EXIT_RECORDED), events.stream().map(CloudEvent::type).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(e -> e.data().get("version").asLong()).toList());
            CloudEvent last = events.get(3);
            assertEquals(1, last.data().get("state").get("readiness").size());
            assertEquals(postId.toString(), last.data().get("state").get("nominations").get(0).get("postId").asText());
            assertEquals("MOVED", last.data().get("state").get("exits").get(0).get("reason").asText());
        }
    }
}
