package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No personal data where it must never be: after the other system tests have run (this
 * class is ordered last), and after a story of its own that gives candidates and incumbents every
 * kind of personal data, every succession-service response the tests received and every event on
 * every topic of the broker is scanned for personal field names and for the personal values used.
 */
@Order(Integer.MAX_VALUE)
class PrivacyIT {
    /** JSON keys that would hold personal data (ids and counts only outside candidate-service). */
    private static final Set<String> PERSONAL_KEYS = Set.of("email", "phone", "mobile", "dateOfBirth", "birthDate",
            "currentJobTitle", "jobTitle", "notes", "firstName", "lastName", "fullName", "givenName", "familyName",
            "candidateName", "incumbentName", "interimCoverName", "personName", "address", "postcode");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * A UK mobile number. Not digits after a decimal point or inside a longer run of letters and digits:
     * a metric's value such as 0.07123456789 on /q/metrics, or a random id's digits (a UUID's last group
     * "07930104649a", in an event id), read as one and failed this test now and then.
     */
    private static final Pattern UK_PHONE = Pattern.compile("(\\+44\\s?7\\d{3}|(?<![0-9A-Za-z.-])07\\d{3})\\s?\\d{3}\\s?\\d{3}(?![0-9A-Za-z])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static StoryClient api;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
        api = new StoryClient(stack);
    }

    @Test
    void noSuccessionResponseAndNoEventCarriesPersonalData() throws Exception {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        UUID post = tellAStoryWithPersonalData(tag);
        readEverySuccessionEndpoint(post);

        List<String> findings = new ArrayList<>();
        List<SuccessionResponses.Recorded> responses = SuccessionResponses.all();
        for (SuccessionResponses.Recorded response : responses) {
            scan(response.method() + " " + response.uri(), response.body(), findings);
        }
        int events = 0;
        for (ConsumerRecord<byte[], byte[]> record : everyRecordOnEveryTopic()) {
            events++;
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            scan(where + " key", text(record.key()), findings);
            scan(where + " value", text(record.value()), findings);
            for (Header header : record.headers()) {
                scan(where + " header " + header.key(), text(header.value()), findings);
            }
        }
        System.out.printf("PRIVACY scanned %d succession-service responses (+%d not kept) and %d events on every topic for %d personal values: %d findings%n",
                responses.size(), SuccessionResponses.unkept(), events, PersonalValues.all().size(), findings.size());
        assertTrue(responses.size() > 10, "the scan saw succession-service responses");
        assertTrue(events > 20, "the scan saw events");
        assertTrue(findings.isEmpty(), "personal data found:\n" + String.join("\n", findings.subList(0, Math.min(50, findings.size()))));
    }

    /** Candidates with every personal field, named incumbents and interim cover, an appointment, an exit and an erasure. */
    private UUID tellAStoryWithPersonalData(String tag) {
        LocalDate today = LocalDate.now();
        String ods = "P" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        api.organisation(ods, "Privacy Test NHS Trust", "NORTH_WEST", "MENTAL_HEALTH", 3, 201);
        UUID ceo = api.post(ods, "CHIEF_EXECUTIVE");
        UUID chair = api.post(ods, "CHAIR");
        api.incumbentByName(chair, "Harriet Outsider-" + tag, today.minusYears(2));

        List<UUID> people = new ArrayList<>();
        for (String who : List.of("Alexandra Quietly", "Benedict Privately", "Cordelia Hidden")) {
            String name = who + "-" + tag;
            String email = who.toLowerCase(Locale.ROOT).replace(' ', '.') + tag + "@example.nhs.uk";
            String phone = "+44 7700 9" + tag.substring(0, 5);
            String title = "Deputy Chief Executive (" + tag + ")";
            String notes = "Confidential: career break in 20" + tag.substring(0, 2) + ", ref " + tag;
            PersonalValues.remember(name, email, phone, title, notes);
            Map<String, Object> body = Map.of("name", name, "email", email, "phone", phone, "currentJobTitle", title,
                    "currentOrganisationOdsCode", ods, "notes", notes,
                    "mobility", Map.of("regions", List.of("NORTH_WEST"), "organisationTypes", List.of("MENTAL_HEALTH"),
                            "considersChallengedOrganisations", true));
            UUID id = UUID.fromString(given().baseUri(stack.candidate.baseUrl()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/candidates").then().statusCode(201).extract().path("candidateId"));
            api.assess(id, "CHIEF_EXECUTIVE", "READY_NOW", today);
            api.fitAndProper(id, "PASSED", today.minusMonths(2));
            api.nominate(id, ceo, "READY_NOW");
            people.add(id);
        }
        given().baseUri(stack.vacancy.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ivor Interim-" + tag, "namedOn", today.toString()))
                .put("/api/v1/posts/" + ceo + "/interim-cover").then().statusCode(200);
        PersonalValues.remember("Ivor Interim-" + tag);

        UUID vacancy = api.vacancy(ceo);
        api.vacancyStatus(vacancy, "OPEN", today.plusDays(30));
        UUID application = api.apply(vacancy, people.get(0));
        api.apply(vacancy, people.get(1));
        api.vacancyStatus(vacancy, "SHORTLISTING", null);
        api.shortlist(vacancy, List.of(application));
        api.vacancyStatus(vacancy, "INTERVIEWING", null);
        api.vacancyStatus(vacancy, "OFFERED", null);
        api.appoint(vacancy, application, today, null);
        given().baseUri(stack.candidate.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("odsCode", ods, "role", "CHAIR", "date", today.minusYears(1).toString(), "reason", "DISMISSED"))
                .post("/api/v1/candidates/" + people.get(2) + "/exits").then().statusCode(201);
        String etag = given().baseUri(stack.candidate.baseUrl()).get("/api/v1/candidates/" + people.get(1)).then().statusCode(200)
                .extract().header("ETag");
        given().baseUri(stack.candidate.baseUrl()).header("If-Match", etag).delete("/api/v1/candidates/" + people.get(1))
                .then().statusCode(204);

        // The view has taken it all in: the appointed candidate holds the post, one erased, one left.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(stack.succession.baseUrl()).get("/api/v1/succession/posts/" + ceo).then().statusCode(200)
                        .body("incumbent.candidateId", org.hamcrest.Matchers.equalTo(people.get(0).toString())));
        return ceo;
    }

    /** Every GET endpoint in succession-service's OpenAPI document, with this story's post, in JSON and CSV where offered. */
    private void readEverySuccessionEndpoint(UUID post) throws Exception {
        String assessment = given().baseUri(stack.succession.baseUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestTokens.mint("regulator"))
                .body(Map.of("postId", post.toString(), "purpose", "Privacy scan"))
                .post("/api/v1/succession/assessments").then().statusCode(201).extract().path("assessmentId");
        String subscription = given().baseUri(stack.succession.baseUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestTokens.mint("regulator"))
                .body(Map.of("url", "https://alerts.example.invalid/understudy", "description", "Privacy scan"))
                .post("/api/v1/succession/subscriptions").then().statusCode(201).extract().path("subscriptionId");
        JsonNode paths = JSON.readTree(given().baseUri(stack.succession.baseUrl()).get("/q/openapi?format=json").asString()).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getValue().has("get")) {
                continue;
            }
            String uri = path.getKey().replace("{postId}", post.toString()).replace("{assessmentId}", assessment)
                    .replace("{file}", "envelope.v1.json").replace("{subscriptionId}", subscription);
            if (uri.endsWith("/stream")) {
                readStream(uri);
                continue;
            }
            for (String accept : List.of("application/json", "text/csv")) {
                given().baseUri(stack.succession.baseUrl()).accept(accept).get(uri); // recorded by SuccessionResponses
            }
        }
    }

    private void readStream(String uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(stack.succession.baseUrl() + uri))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + TestTokens.mint("viewer")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        StringBuilder body = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                body.append(line).append('\n');
                if (line.equals("event:ready") || line.equals("event: ready")) {
                    break; // the whole current state has been sent
                }
            }
        }
        SuccessionResponses.keep("GET", uri, 200, body.toString());
    }

    private List<ConsumerRecord<byte[], byte[]>> everyRecordOnEveryTopic() throws Exception {
        String bootstrap = stack.infra.bootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get();
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertTrue(partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p)), "read every topic to its end");
        }
        System.out.println("PRIVACY topics scanned: " + topics);
        return records;
    }

    private static void scan(String where, String text, List<String> findings) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String value : PersonalValues.all()) {
            if (lower.contains(value.toLowerCase(Locale.ROOT))) {
                findings.add(where + ": contains the personal value '" + value + "'");
            }
        }
        if (EMAIL.matcher(text).find()) {
            findings.add(where + ": contains an e-mail address");
        }
        Matcher phone = UK_PHONE.matcher(text);
        if (phone.find()) {
            findings.add(where + ": contains a phone number: '" + phone.group() + "'");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                keys(JSON.readTree(trimmed), where, findings);
            } catch (Exception notJson) {
                // CSV, SSE or plain text: the value scans above cover it
            }
        } else {
            for (String line : trimmed.split("\n")) {
                String data = line.startsWith("data:") ? line.substring(5).strip() : null;
                if (data != null && data.startsWith("{")) {
                    scan(where + " (event data)", data, findings);
                }
            }
            String header = trimmed.split("\n", 2)[0];
            for (String column : header.split(",")) {
                if (PERSONAL_KEYS.contains(column.strip().replace("\"", ""))) {
                    findings.add(where + ": a column named '" + column.strip() + "'");
                }
            }
        }
    }

    private static void keys(JsonNode node, String where, List<String> findings) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (PERSONAL_KEYS.contains(field.getKey()) && !field.getValue().isNull()) {
                    findings.add(where + ": a field named '" + field.getKey() + "'");
                }
                keys(field.getValue(), where, findings);
            }
        } else if (node.isArray()) {
            node.forEach(child -> keys(child, where, findings));
        } else if (node.isTextual() && node.asText().strip().startsWith("{")) {
            try {
                keys(JSON.readTree(node.asText()), where + " (nested)", findings);
            } catch (Exception notJson) {
                // an ordinary string that happens to start with a brace
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
