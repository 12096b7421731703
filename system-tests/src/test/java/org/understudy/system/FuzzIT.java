package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.infra.security.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input at scale: thousands of generated invalid or hostile requests across vacancy-service's and
 * candidate-service's write endpoints and the three services' reads, with NUL bytes in paths, query
 * parameters and body fields among them (see {@link HostileRequests}). None may
 * answer 5xx or 2xx, every refusal is a problem (application/problem+json), and the state afterwards
 * (both services' exports, listing totals, the view's total, the topics' end offsets) equals the
 * state before. The seed is printed; replay one with -Dunderstudy.fuzz.seed=N.
 */
class FuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 8;
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.shared();
    }

    @Test
    void hostileRequestsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("understudy.fuzz.seed", 20_261_126L);
        int count = Integer.getInteger("understudy.fuzz.requests", 10_000);
        System.out.println("FuzzIT: seed " + seed + ", " + count + " requests (replay with -Dunderstudy.fuzz.seed=" + seed + ")");

        // Real targets, so that a request is refused for what it says and not only because its target is missing.
        StoryClient story = new StoryClient(stack);
        String ods = "FZ" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36, 36 * 36 * 36), 36).toUpperCase();
        story.organisation(ods, "Fuzz Target NHS Trust", "LONDON", "ACUTE", 2, 201);
        UUID post = story.post(ods, "CHIEF_EXECUTIVE");
        UUID vacancy = story.vacancy(post);
        UUID candidate = story.candidate("Fuzz Target Person", List.of("LONDON"), List.of("ACUTE"), false);
        Map<String, String> ids = Map.of("ods", ods, "post", post.toString(), "vacancy", vacancy.toString(), "candidate", candidate.toString());

        Snapshot before = quietSnapshot();
        HostileRequests generator = new HostileRequests(seed, ids);
        List<HostileRequests.Endpoint> endpoints = HostileRequests.endpoints(LocalDate.now().minusDays(1).toString());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String token = "Bearer " + TestTokens.mint("admin");
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(PARALLEL);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HostileRequests.Request r = generator.next(endpoints);
            String base = switch (r.endpoint().service()) {
                case "vacancy" -> stack.vacancy.baseUrl();
                case "candidate" -> stack.candidate.baseUrl();
                default -> stack.succession.baseUrl();
            };
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(30))
                    .header("Authorization", token)
                    .method(r.endpoint().method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body()));
            if (r.contentType() != null) {
                request.header("Content-Type", r.contentType());
            }
            inFlight.acquire();
            int n = i;
            sent.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                String what = "#" + n + " " + r.endpoint().method() + " " + abbreviate(r.path()) + " [" + r.defect() + "]";
                if (error != null) {
                    failures.add(what + ": " + error);
                    return;
                }
                int status = response.statusCode();
                statuses.computeIfAbsent(r.endpoint().method() + " " + r.endpoint().path() + " " + status, k -> new AtomicInteger()).incrementAndGet();
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status >= 500 || status < 400) {
                    failures.add(what + ": " + status + " " + abbreviate(response.body()) + " <- " + abbreviate(r.body()));
                } else if (!type.startsWith("application/problem+json")) {
                    failures.add(what + ": " + status + " as '" + type + "': " + abbreviate(response.body()));
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("FuzzIT: " + count + " requests in " + millis + " ms; answers by endpoint and status:");
        new TreeMap<>(statuses).forEach((k, v) -> System.out.println("  " + k + " x" + v.get()));
        // Accepted and failed requests first: they are the ones that matter most.
        List<String> worst = failures.stream().sorted(java.util.Comparator.comparing((String f) -> !f.matches(".*\\]: [25]\\d\\d .*"))).limit(30).toList();
        worst.forEach(f -> System.out.println("FuzzIT failure: " + f));

        assertEquals(List.of(), worst, failures.size() + " requests not refused as problems (seed " + seed + ")");
        Snapshot after = quietSnapshot();
        assertEquals(before, after, "state changed (seed " + seed + ")");
    }

    /** What a user (an admin) can see of the state, and the topics' ends. */
    record Snapshot(Map<String, Long> totals, Map<String, String> exports, Map<String, Long> endOffsets) {
    }

    private static Snapshot quietSnapshot() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> unsent("vacancy-service") + unsent("candidate-service") == 0);
        Map<String, Long> totals = new TreeMap<>();
        totals.put("organisations", total(stack.vacancy.baseUrl() + "/api/v1/organisations?size=1"));
        totals.put("posts", total(stack.vacancy.baseUrl() + "/api/v1/posts?size=1"));
        totals.put("vacancies", total(stack.vacancy.baseUrl() + "/api/v1/vacancies?size=1"));
        totals.put("candidates", total(stack.candidate.baseUrl() + "/api/v1/candidates?size=1"));
        Map<String, String> exports = new TreeMap<>();
        exports.put("vacancy-service", normalised(get(stack.vacancy.baseUrl() + "/api/v1/export")));
        exports.put("candidate-service", normalised(get(stack.candidate.baseUrl() + "/api/v1/export/candidates")));
        return new Snapshot(totals, exports, endOffsets(List.of("vacancy-events", "candidate-events")));
    }

    private static long unsent(String service) throws Exception {
        try (Connection db = stack.infra.postgres().connect(stack.database(service));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestTokens.mint("admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static long total(String url) throws Exception {
        return JSON.readTree(get(url)).get("total").asLong();
    }

    /** Arrays in any order compare equal: the exports promise no order. */
    private static String normalised(String body) throws Exception {
        JsonNode root = JSON.readTree(body);
        Map<String, List<String>> out = new TreeMap<>();
        root.fields().forEachRemaining(e -> out.put(e.getKey(),
                StreamSupport.stream(e.getValue().spliterator(), false).map(JsonNode::toString).sorted().toList()));
        return out.toString();
    }

    private static Map<String, Long> endOffsets(List<String> topics) {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.infra.bootstrapServers());
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        Map<String, Long> out = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.endOffsets(partitions).forEach((tp, offset) -> out.put(tp.toString(), offset));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
