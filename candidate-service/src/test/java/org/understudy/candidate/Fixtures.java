package org.understudy.candidate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.understudy.events.BoardRole;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.EventFactory;
import org.understudy.events.PostState;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.infra.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the tests of this module share: request bodies, registrations, posts on vacancy-events, event reading. */
final class Fixtures {
    static final Duration WAIT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    /** A short random token, to make names and e-mail addresses unique per test. */
    static String token() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36, 36 * 36 * 36 * 36 * 36), 36);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    static String candidate(String name, String email) {
        return """
                {"name":"%s","email":"%s","phone":"+44 161 555 0100","currentJobTitle":"Deputy Chief Executive",
                 "currentOrganisationOdsCode":"R0A","notes":"Strong on finance recovery",
                 "mobility":{"regions":["NORTH_WEST","MIDLANDS"],"organisationTypes":["ACUTE"],"considersChallengedOrganisations":true}}
                """.formatted(name, email);
    }

    static String candidate() {
        String t = token();
        return candidate("Candidate " + t, "candidate." + t + "@example.nhs.uk");
    }

    /** Registers a candidate and returns its id. */
    static String register(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/candidates").then().statusCode(201).extract().path("candidateId");
    }

    static String register() {
        return register(candidate());
    }

    static String readiness(String role, String level, LocalDate on) {
        return """
                {"role":"%s","level":"%s","assessedOn":"%s","assessedBy":"North West talent board"}""".formatted(role, level, on);
    }

    /** Records a readiness assessment (200 expected). */
    static void assess(String candidateId, String role, String level, LocalDate on) {
        given().contentType(ContentType.JSON).body(readiness(role, level, on))
                .put("/api/v1/candidates/" + candidateId + "/readiness").then().statusCode(200);
    }

    static int version(String candidateId) {
        return given().get("/api/v1/candidates/" + candidateId).then().statusCode(200).extract().path("version");
    }

    /** Publishes post.created on vacancy-events, as vacancy-service would. */
    static UUID announcePost(String bootstrap, String odsCode, BoardRole role) throws Exception {
        UUID postId = UUID.randomUUID();
        send(bootstrap, postId.toString(), EventFactory.toJson(UUID.randomUUID(), "/vacancy-service", VacancyEventTypes.POST_CREATED,
                postId.toString(), OffsetDateTime.now(), 1, List.of("created"), new PostState(postId, odsCode, role)));
        return postId;
    }

    static void send(String bootstrap, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.VACANCY_EVENTS, key, value)).get();
        }
    }

    /** Nominates, retrying while the post is not known yet (it arrives through vacancy-events). */
    static void nominateOnceKnown(String candidateId, UUID postId, String readiness) {
        String body = "{\"postId\":\"" + postId + "\",\"readiness\":\"" + readiness + "\"}";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/candidates/" + candidateId + "/nominations").statusCode() == 201);
    }

    /** Waits for the candidate's events up to the given version and returns them parsed (validated against the contract), in order. */
    static List<CloudEvent> events(TopicReader reader, String candidateId, int count) {
        List<ConsumerRecord<String, String>> records = reader.await(r -> candidateId.equals(r.key()), count, WAIT);
        return records.stream().map(r -> EventContract.parse(r.value())).toList();
    }

    /** Outbox rows written so far, and of them not yet relayed. */
    static long[] outbox(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE sent_at IS NULL) FROM outbox_event").getSingleResult();
            return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
        });
    }
}
