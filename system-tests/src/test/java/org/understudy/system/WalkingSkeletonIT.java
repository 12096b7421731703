package org.understudy.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.events.CloudEvent;
import org.understudy.events.EventContract;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.Topics;
import org.understudy.infra.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton on real processes: a post created in vacancy-service reaches
 * succession-service through the outbox, Kafka and the idempotent consumer.
 */
class WalkingSkeletonIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    private static String newOdsCode() {
        return "W" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    private static String createOrganisation() {
        String ods = newOdsCode();
        given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"%s","name":"Walking Skeleton NHS Trust","region":"LONDON","organisationType":"ACUTE",
                         "foundationTrust":false,"integratedCareBoardCode":"QMJ","oversightSegment":4}""".formatted(ods))
                .post("/api/v1/organisations").then().statusCode(201);
        return ods;
    }

    private static String createPost(String ods, String role) {
        return given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body("{\"odsCode\":\"" + ods + "\",\"role\":\"" + role + "\"}")
                .post("/api/v1/posts").then().statusCode(201).extract().path("postId");
    }

    @Test
    void everyServiceIsReadyWithItsDatabaseAndBrokerAndServesOpenApiAndMetrics() {
        for (ServiceProcess service : stack.services()) {
            given().baseUri(service.baseUrl()).get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Database connections health check", "Kafka connection health check", "outbox relay"));
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).accept("application/json").get("/q/openapi")
                    .then().statusCode(200).body("info.title", equalTo("Understudy " + service.name()));
            String metrics = given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("understudy_outbox_pending"), service.name() + " exposes its outbox backlog");
        }
    }

    @Test
    void everyServiceServesTheEventsAsyncApiDocumentAndAnOpenApiDocumentWithOperationIds() {
        for (ServiceProcess service : stack.services()) {
            String asyncApi = given().baseUri(service.baseUrl()).get("/asyncapi/asyncapi.yaml")
                    .then().statusCode(200).extract().asString();
            assertTrue(asyncApi.contains("asyncapi: 3.0.0") && asyncApi.contains(VacancyEventTypes.POST_CREATED), service.name());
            given().baseUri(service.baseUrl()).get("/asyncapi/schemas/envelope.v1.json")
                    .then().statusCode(200).body("title", org.hamcrest.Matchers.containsString("envelope"));
            given().baseUri(service.baseUrl()).get("/asyncapi/schemas/nothing.v1.json")
                    .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("file"));

            Response openApi = given().baseUri(service.baseUrl()).accept("application/json").get("/q/openapi");
            Map<String, Map<String, Object>> paths = openApi.jsonPath().getMap("paths");
            List<String> withoutId = new ArrayList<>();
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                if (operation instanceof Map<?, ?> op && !op.containsKey("operationId") && !method.equals("parameters")) {
                    withoutId.add(method + " " + path);
                }
            }));
            assertEquals(List.of(), withoutId, service.name() + ": operations without an operationId");
            if (!service.name().equals("succession-service")) {
                paths.forEach((path, operations) -> {
                    Object post = operations.get("post");
                    if (post != null) {
                        assertTrue(String.valueOf(post).contains("Idempotency-Key"), service.name() + " POST " + path + " documents Idempotency-Key");
                    }
                });
            }
        }
    }

    @Test
    void aPostCreatedInVacancyServiceShowsInSuccessionServiceWithNoOneReady() {
        String ods = createOrganisation();
        String postId = createPost(ods, "CHIEF_EXECUTIVE");

        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.succession.baseUrl())
                .get("/api/v1/succession/posts/" + postId)
                .then().statusCode(200)
                .body("odsCode", equalTo(ods))
                .body("organisationName", equalTo("Walking Skeleton NHS Trust"))
                .body("oversightSegment", equalTo(4))
                .body("role", equalTo("CHIEF_EXECUTIVE"))
                .body("readyNow", equalTo(0))
                .body("replaceability", equalTo("NONE")));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        String ods = createOrganisation();
        String postId = createPost(ods, "CHAIR");
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(stack.succession.baseUrl())
                .get("/api/v1/succession/posts/" + postId).then().statusCode(200));
        Response before = given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId);
        double notNewerBefore = notNewerCounted();

        ConsumerRecord<String, String> published;
        try (TopicReader topic = new TopicReader(stack.infra.bootstrapServers(), Topics.VACANCY_EVENTS)) {
            published = topic.await(r -> r.key().equals(postId), 1, WAIT).get(0);
        }
        CloudEvent event = EventContract.parse(published.value());
        assertEquals(VacancyEventTypes.POST_CREATED, event.type());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.VACANCY_EVENTS, published.key(), published.value())).get();
        }
        awaitConsumerCaughtUp();

        assertEquals(notNewerBefore + 1, notNewerCounted(), "the redelivery was read and recognised as not newer than the view");
        given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId)
                .then().statusCode(200)
                .body("readyNow", equalTo(before.path("readyNow")))
                .body("reflects.offset", equalTo(before.<Integer>path("reflects.offset")))
                .body("updatedAt", equalTo(before.path("updatedAt")));
    }

    /** Freshness over 100 posts: from vacancy-service's 201 to the post being readable in succession-service. */
    @Test
    void freshnessOfTheViewOverAHundredPosts() {
        List<Double> delaysMs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String ods = createOrganisation();
            for (String role : List.of("CHIEF_EXECUTIVE", "CHAIR")) {
                String postId = createPost(ods, role);
                long committed = System.nanoTime();
                while (given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + postId).statusCode() != 200) {
                    assertTrue(System.nanoTime() - committed < WAIT.toNanos(), "post " + postId + " never reached the view");
                    sleepMillis(2);
                }
                delaysMs.add((System.nanoTime() - committed) / 1e6);
            }
        }
        Collections.sort(delaysMs);
        // Every post reached the view (the loop fails otherwise); the times are printed, not asserted.
        System.out.printf("FRESHNESS posts=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n", delaysMs.size(),
                percentile(delaysMs, 0.50), percentile(delaysMs, 0.99), delaysMs.get(delaysMs.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    /** Post-created events on vacancy-events that succession-service read and found not newer than its view. */
    private static double notNewerCounted() {
        String metrics = given().baseUri(stack.succession.baseUrl()).get("/q/metrics").then().extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("understudy_events_consumed_total") && l.contains("outcome=\"stale\"")
                        && l.contains("type=\"" + VacancyEventTypes.POST_CREATED + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Waits until succession-service's consumer group has committed every record on vacancy-events. */
    private static void awaitConsumerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.bootstrapServers()))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("succession-service")
                        .partitionsToOffsetAndMetadata().get();
                var partitions = committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.VACANCY_EVENTS))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(partitions).all().get();
                return !partitions.isEmpty() && partitions.keySet().stream()
                        .allMatch(tp -> committed.get(tp).offset() >= ends.get(tp).offset());
            });
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
