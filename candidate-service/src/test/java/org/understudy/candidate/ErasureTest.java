package org.understudy.candidate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.understudy.candidate.Fixtures.today;

@QuarkusTest
class ErasureTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void erasureRemovesThePersonalDataForGoodFromTheDatabaseAndEveryEventButKeepsTheId() throws Exception {
        String t = Fixtures.token();
        String name = "Erin Erasable " + t;
        String email = "erin.erasable." + t + "@example.nhs.uk";
        String phone = "+44 20 7946 " + (1000 + Math.abs(t.hashCode() % 9000));
        String jobTitle = "Director of Strategy " + t;
        String notes = "Confidential note " + t;
        String body = Fixtures.candidate(name, email).replace("+44 161 555 0100", phone)
                .replace("Deputy Chief Executive", jobTitle).replace("Strong on finance recovery", notes);
        String id = Fixtures.register(body);
        UUID postId = Fixtures.announcePost(bootstrap, "RE1", BoardRole.CHIEF_EXECUTIVE);

        // A full pipeline record, each step an event.
        Fixtures.assess(id, "CHIEF_EXECUTIVE", "READY_NOW", today());
        given().contentType(ContentType.JSON).body("{\"status\":\"PASSED\",\"checkedOn\":\"" + today() + "\"}")
                .put("/api/v1/candidates/" + id + "/fit-and-proper").then().statusCode(200);
        Fixtures.nominateOnceKnown(id, postId, "READY_NOW");
        given().contentType(ContentType.JSON).body("{\"odsCode\":\"RW3\",\"role\":\"CHAIR\",\"date\":\"" + today() + "\",\"reason\":\"MOVED\"}")
                .post("/api/v1/candidates/" + id + "/exits").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"notes\":\"" + notes + " (updated)\"}")
                .patch("/api/v1/candidates/" + id).then().statusCode(200).body("version", equalTo(6));

        given().header("If-Match", "\"6\"").delete("/api/v1/candidates/" + id).then().statusCode(204);

        // The id stays; nothing personal is served.
        given().get("/api/v1/candidates/" + id).then().statusCode(200)
                .body("candidateId", equalTo(id))
                .body("status", equalTo("ERASED"))
                .body("name", nullValue()).body("email", nullValue()).body("phone", nullValue())
                .body("currentJobTitle", nullValue()).body("currentOrganisationOdsCode", nullValue()).body("notes", nullValue())
                .body("readiness", empty()).body("nominations", empty()).body("exits", empty())
                .body("mobility.regions", empty())
                .body("version", equalTo(7));
        given().get("/api/v1/candidates/" + id + "/readiness/history").then().body("total", equalTo(0));

        // In the database: the personal columns are null, the rest about the person is gone.
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT name, email, phone, current_job_title, current_ods_code, notes, status FROM candidate WHERE candidate_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        for (int i = 0; i < 6; i++) {
            assertEquals(null, row[i], "personal column " + i + " is not null");
        }
        assertEquals("ERASED", row[6]);
        for (String table : List.of("candidate_region", "candidate_organisation_type", "readiness_assessment", "nomination", "career_exit")) {
            long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM " + table + " WHERE candidate_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
            assertEquals(0, left, table + " still holds rows of the erased candidate");
        }
        // Nowhere in any table of the service's database (the outbox included) are the strings left.
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").getResultList());
        for (String table : tables) {
            for (String personal : List.of(name, email, phone, jobTitle, notes)) {
                long found = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM " + table + " x WHERE x::text ILIKE ?1")
                        .setParameter(1, "%" + personal + "%").getSingleResult()).longValue());
                assertEquals(0, found, "table " + table + " still holds '" + personal + "'");
            }
        }

        // Every event about the candidate, from the broker: valid, in version order, never personal.
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CANDIDATE_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key()), 7, Fixtures.WAIT);
            List<String> types = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                String value = records.get(i).value();
                CloudEvent event = EventContract.parse(value);
                types.add(event.type());
                assertEquals(i + 1, event.data().get("version").asLong());
                for (String personal : List.of(name, email, phone, jobTitle, notes)) {
                    assertFalse(value.contains(personal), "event " + event.type() + " carries '" + personal + "'");
                }
            }
            assertEquals(List.of(CandidateEventTypes.REGISTERED, CandidateEventTypes.READINESS_ASSESSED,
                    CandidateEventTypes.FIT_AND_PROPER_RECORDED, CandidateEventTypes.NOMINATED, CandidateEventTypes.EXIT_RECORDED,
                    CandidateEventTypes.UPDATED, CandidateEventTypes.ERASED), types);
            CloudEvent erased = EventContract.parse(records.get(6).value());
            assertEquals(id, erased.subject());
            assertEquals("[\"status\",\"personalData\",\"readiness\",\"fitAndProper\",\"mobility\",\"nominations\",\"exits\"]",
                    erased.data().get("changed").toString());
            assertEquals("{\"candidateId\":\"" + id + "\",\"status\":\"ERASED\",\"readiness\":[],"
                            + "\"fitAndProper\":{\"status\":\"PENDING\",\"checkedOn\":null},"
                            + "\"mobility\":{\"regions\":[],\"organisationTypes\":[],\"considersChallengedOrganisations\":false},"
                            + "\"nominations\":[],\"exits\":[],\"earlierReadiness\":[]}",
                    erased.data().get("state").toString());

            // Erasing again changes nothing; nothing else can change an erased candidate.
            given().delete("/api/v1/candidates/" + id).then().statusCode(204);
            given().contentType(ContentType.JSON).body("{\"name\":\"Back Again\"}").patch("/api/v1/candidates/" + id)
                    .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("candidateId"));
            given().contentType(ContentType.JSON).body(Fixtures.readiness("CHAIR", "READY_NOW", today()))
                    .put("/api/v1/candidates/" + id + "/readiness").then().statusCode(409).body("field", equalTo("candidateId"));
            given().post("/api/v1/candidates/" + id + "/withdrawal").then().statusCode(409).body("field", equalTo("candidateId"));

            // No valid write to an erased candidate exists, so the marker is a later registration whose event lands on
            // the candidate's partition: the record after candidate.erased there is that registration, nothing else.
            ConsumerRecord<String, String> erasedRecord = records.get(6);
            ConsumerRecord<String, String> marker = null;
            for (int tries = 0; tries < 50 && marker == null; tries++) {
                String other = Fixtures.register();
                ConsumerRecord<String, String> registered = topic.await(r -> other.equals(r.key()), 1, Fixtures.WAIT).get(0);
                if (registered.partition() == erasedRecord.partition()) {
                    marker = registered;
                }
            }
            assertNotNull(marker, "no registration landed on partition " + erasedRecord.partition());
            long markerOffset = marker.offset();
            List<ConsumerRecord<String, String>> after = topic.await(r -> r.partition() == erasedRecord.partition()
                    && r.offset() > erasedRecord.offset() && r.offset() <= markerOffset, 1, Fixtures.WAIT);
            assertEquals(List.of(marker.key()), after.stream().map(ConsumerRecord::key).toList(), "records after candidate.erased");
            assertEquals(CandidateEventTypes.REGISTERED, EventContract.parse(after.get(0).value()).type());
            assertEquals(7, topic.await(r -> id.equals(r.key()), 7, Fixtures.WAIT).size(), "events of the erased candidate");
        }

        // The e-mail address is free again (the erased row has none).
        given().contentType(ContentType.JSON).body(Fixtures.candidate("Someone New " + t, email))
                .post("/api/v1/candidates").then().statusCode(201);
    }
}
