package org.understudy.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.infra.KafkaBroker;
import org.understudy.system.StoryClient.Numbers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The event path on a broker whose clients must sign in (SASL/SCRAM-SHA-256), with the three services
 * given only the standard Kafka settings as environment variables ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}): every client they make — Quarkus
 * Messaging's channels, the outbox relays' producers, succession-service's writer and rebuild consumers,
 * the health checks — must sign in with them, or nothing arrives.
 */
class SecuredKafkaIT {
    private static KafkaBroker broker;
    private static Stack stack;

    @BeforeAll
    static void securedStack() throws Exception {
        Path dir = Files.createTempDirectory("understudy-scram-kafka");
        var started = KafkaBroker.startWithScram(dir.resolve("kafka"), "understudy", "scram-" + UUID.randomUUID());
        broker = started.getKey();
        Map<String, String> client = started.getValue();
        stack = Stack.startWithKafka(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", client.get("bootstrap.servers"),
                "KAFKA_SECURITY_PROTOCOL", client.get("security.protocol"),
                "KAFKA_SASL_MECHANISM", client.get("sasl.mechanism"),
                "KAFKA_SASL_JAAS_CONFIG", client.get("sasl.jaas.config")), "service-logs-scram");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eventsTravelAndTheViewRebuildsOnABrokerThatNeedsASignIn() {
        StoryClient api = new StoryClient(stack);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ods = "K" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();

        // vacancy-service's relay → succession-service's writer; candidate-service's channel learns the post.
        api.organisation(ods, "Signed In NHS Trust", "LONDON", "ACUTE", 2, 201);
        UUID post = api.post(ods, "CHIEF_EXECUTIVE");
        api.awaitView(post, Numbers.of(0, 0, 0, 0, "NONE"), then -> then.body("odsCode", equalTo(ods)));

        // candidate-service's relay → succession-service's writer.
        UUID candidate = api.candidate("Sasl Person", List.of("LONDON"), List.of("ACUTE"), false);
        api.fitAndProper(candidate, "PASSED", today);
        api.nominate(candidate, post, "READY_NOW");
        api.awaitView(post, Numbers.of(1, 0, 1, 0, "THIN"), then -> { });

        // The rebuild reads both topics from the start with a consumer of its own, and gets the same answer.
        given().baseUri(stack.succession.baseUrl()).post("/api/v1/succession/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/rebuild").then().statusCode(200)
                        .body("state", equalTo("DONE")));
        api.awaitView(post, Numbers.of(1, 0, 1, 0, "THIN"), then -> { });

        // Readiness, Kafka included, on every service.
        for (ServiceProcess service : stack.services()) {
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200);
        }
    }
}
