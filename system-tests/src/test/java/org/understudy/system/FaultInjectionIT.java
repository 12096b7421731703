package org.understudy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.infra.Ports;
import org.understudy.infra.Postgres;
import org.understudy.infra.TestInfrastructure;
import org.understudy.infra.security.AdminTokenFilter;
import org.understudy.infra.security.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reliability under faults: a seeded write load through the real stack (the three packaged services as
 * processes, succession-service twice: its writer and a standby, a Kafka broker in its own JVM,
 * PostgreSQL) while, scenario by scenario, succession-service's writer is SIGKILLed, the broker is
 * SIGKILLed, duplicate, reordered and malformed events are delivered, the publishers die with events in
 * their outboxes, PostgreSQL restarts, sixteen writers burst and a rebuild runs under load. After each,
 * once quiet: the reconciliation check finds no difference, the reference model fed every event on the
 * topics gives every post the numbers the view serves, and every accepted write is in the sources as the
 * load's model says and no rejected one is. At the end, every alert raised reached a webhook receiver
 * subscribed to all of them. Prints a table.
 *
 * <p>By default (the build's test command) it runs the two scenarios that matter most, the writer and
 * the broker killed, with 300 writes each. All of them:
 *
 * <pre>./mvnw -B -o verify -pl system-tests -Dit.test=FaultInjectionIT -Dunderstudy.faults=all -Dunderstudy.faults.writes=5000</pre>
 *
 * (the services must be packaged: ./mvnw -B -o install -DskipTests first). Seeds:
 * -Dunderstudy.faults.seed=N (scenario i uses N + i); writes per scenario: -Dunderstudy.faults.writes.
 */
class FaultInjectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(5);
    private static final List<String> TOPICS = List.of("vacancy-events", "candidate-events");
    private static final String HEADER = String.format("%-40s | %-5s | %8s | %8s | %6s | %13s | %14s | %11s | %9s | %8s | %8s", "scenario",
            "seed", "accepted", "rejected", "failed", "accepted, all", "reflected, all", "differences", "vs model", "repair", "settled");
    private static final String SUCCESSION = "succession-service";
    private static final String STANDBY = "succession-service-2";

    private static TestInfrastructure infra;
    private static KafkaProcess kafka;
    /** The suite's own embedded PostgreSQL (the machine's server is shared: it cannot be restarted). */
    private static Postgres pg;
    private static int pgPort;
    private static Path pgDir;
    private static Path kafkaDir;
    private static Path root;
    private static Path logs;
    private static final Map<String, ServiceProcess> services = new HashMap<>();
    private static final Map<String, Map<String, String>> environments = new HashMap<>();
    private static final Map<String, String> databases = new HashMap<>();
    private static final List<String> table = Collections.synchronizedList(new ArrayList<>());
    /** Subscribed to every alert: deliveries must survive the faults too. */
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStack() throws Exception {
        infra = TestInfrastructure.shared();
        AdminTokenFilter.install();
        root = Path.of(System.getProperty("understudy.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("system-tests/target/fault-logs");
        Files.createDirectories(logs);
        kafkaDir = Files.createTempDirectory("understudy-fault-kafka");
        int[] kafkaPorts = Ports.free(2); // distinct client and controller ports
        kafka = new KafkaProcess(kafkaPorts[0], kafkaPorts[1], kafkaDir, logs.resolve("kafka.log"));
        kafka.start();
        receiver = new WebhookReceiver(Ports.free());
        pgPort = Ports.free();
        pgDir = Files.createTempDirectory("understudy-fault-pg");
        pg = Postgres.embedded(pgPort, pgDir.resolve("data"), pgDir.resolve("work"));
        for (String name : List.of("vacancy-service", "candidate-service", "succession-service")) {
            String database = "fault_" + name.replace("-service", "");
            pg.ensureDatabase(database);
            databases.put(name, database);
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            if (!pg.password().isEmpty()) {
                env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
            }
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            infra.jwtConfig().forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
            if (name.equals("succession-service")) {
                // Webhooks to the loopback receiver, retried within minutes, and retaken 5 s after a sender died.
                env.put("UNDERSTUDY_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
                env.put("UNDERSTUDY_WEBHOOKS_RETRY_DELAYS", "PT1S,PT1S,PT2S,PT2S,PT5S,PT5S,PT10S,PT10S,PT30S,PT30S,PT30S,PT30S,PT30S,PT30S");
                env.put("UNDERSTUDY_WEBHOOKS_CLAIM_FOR", "PT5S");
                env.put("UNDERSTUDY_RECONCILIATION_VACANCY_SERVICE_URL", services.get("vacancy-service").baseUrl());
                env.put("UNDERSTUDY_RECONCILIATION_CANDIDATE_SERVICE_URL", services.get("candidate-service").baseUrl());
            }
            environments.put(name, env);
            services.put(name, ServiceProcess.start(root, name, Ports.free(), env, logs));
        }
        // A standby beside the writer: the same service, database and topics, on a port of its own.
        services.put(STANDBY, ServiceProcess.start(root, SUCCESSION, Ports.free(), environments.get(SUCCESSION), logs, STANDBY));
        System.out.println("FAULTS: the writer is " + writer());
        receiver.trust(RestAssured.given().baseUri(services.get(SUCCESSION).baseUrl()).contentType("application/json")
                .body(Map.of("url", receiver.url(), "description", "every alert"))
                .post("/api/v1/succession/subscriptions").then().statusCode(201).extract().path("secret"));
    }

    @AfterAll
    static void stopStack() throws Exception {
        System.out.println("FAULTS: " + HEADER);
        table.forEach(row -> System.out.println("FAULTS: " + row));
        for (ServiceProcess s : services.values()) {
            s.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (pg != null) {
            pg.close();
        }
        // The broker's and PostgreSQL's data (a few hundred MB) are of no use once the run is over.
        for (Path dir : new Path[] {kafkaDir, pgDir}) {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    void survivesEveryFault() throws Exception {
        long seed = Long.getLong("understudy.faults.seed", 8_000L);
        boolean all = "all".equals(System.getProperty("understudy.faults", "short"));
        int writes = Integer.getInteger("understudy.faults.writes", all ? 1_000 : 300);
        FaultLoad load = new FaultLoad(services.get("vacancy-service").baseUrl(), services.get("candidate-service").baseUrl(),
                TestTokens.mint("admin"), "F" + Integer.toString((int) (seed % 36), 36).toUpperCase());
        List<String> failures = new ArrayList<>();
        failures.addAll(scenario("2 SIGKILL succession's writer", seed + 2, writes, load, true,
                FaultInjectionIT::killTheWriter, FaultInjectionIT::restartTheKilled));
        failures.addAll(scenario("1 SIGKILL the Kafka broker", seed + 1, writes, load, true, () -> kafka.kill(), () -> kafka.start()));
        if (all) {
            failures.addAll(scenario("5 replayed + malformed events", seed + 5, writes, load, true, FaultInjectionIT::replayAndPoison, () -> { }));
            failures.addAll(scenario("3 SIGKILL publishers, outbox pending", seed + 3, writes, load, true, () -> kafka.kill(), () -> {
                // The writes made meanwhile are committed with their events in the outbox, not yet published.
                long pending = unsent("vacancy-service") + unsent("candidate-service");
                System.out.println("FAULTS: " + pending + " events committed and not published; SIGKILL both publishers");
                assertTrue(pending > 0, "events pending in the outboxes");
                services.get("vacancy-service").kill();
                services.get("candidate-service").kill();
                kafka.start();
                restart("vacancy-service");
                restart("candidate-service");
            }));
            failures.addAll(scenario("8 rebuild while both instances serve", seed + 8, writes, load, true,
                    FaultInjectionIT::rebuildOnTheWriter, FaultInjectionIT::awaitRebuilt));
            failures.addAll(scenario("4 restart PostgreSQL", seed + 4, writes, load, false, () -> pg.close(),
                    () -> pg = Postgres.embedded(pgPort, pgDir.resolve("data"), pgDir.resolve("work"))));
            failures.addAll(burst("7 burst of 16 parallel writers", seed + 7, writes, load));
        }
        failures.addAll(everyAlertDelivered());
        failures.forEach(f -> System.out.println("FAULTS: FAILED " + f));
        assertEquals(List.of(), failures);
    }

    /** Every alert the log holds reached the subscribed receiver, signed, whatever was killed meanwhile. */
    private static List<String> everyAlertDelivered() throws Exception {
        Set<String> raised = new HashSet<>();
        for (int page = 0; ; page++) {
            List<String> ids = RestAssured.given().baseUri(services.get(SUCCESSION).baseUrl()).queryParam("size", 500).queryParam("page", page)
                    .get("/api/v1/succession/alerts").then().statusCode(200).extract().path("items.id");
            raised.addAll(ids);
            if (ids.size() < 500) {
                break;
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!receiver.ids.containsAll(raised) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Set<String> missing = new HashSet<>(raised);
        missing.removeAll(receiver.ids);
        System.out.printf("FAULTS: webhooks: %d alerts raised, %d received (%d deliveries, %d repeats), %d bad signatures%n",
                raised.size(), raised.size() - missing.size(), receiver.deliveries.get(), receiver.repeats.get(), receiver.badSignatures.get());
        List<String> failures = new ArrayList<>();
        if (raised.isEmpty()) {
            failures.add("webhooks: the load raised no alert, so deliveries were not tested");
        }
        if (!missing.isEmpty()) {
            failures.add("webhooks: " + missing.size() + " alerts never delivered, e.g. " + missing.iterator().next());
        }
        if (receiver.badSignatures.get() > 0) {
            failures.add("webhooks: " + receiver.badSignatures.get() + " deliveries failed the signature check");
        }
        return failures;
    }

    private static String killed;
    private static long killedAt;

    /**
     * Scenario 2's fault: the writer dies (SIGKILL) with a standby running. Prints how long the standby
     * took to hold the role, and to apply an event written after the kill.
     */
    private static void killTheWriter() throws Exception {
        killed = writer();
        String survivor = killed.equals(SUCCESSION) ? STANDBY : SUCCESSION;
        services.get(killed).kill();
        killedAt = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        while (!"writer".equals(role(http, services.get(survivor)))) {
            assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(60).toNanos(), survivor + " never took the writer's role");
            Thread.sleep(50);
        }
        double tookRole = (System.nanoTime() - killedAt) / 1e9;
        String marker = createMarkerPost();
        while (http.send(HttpRequest.newBuilder(URI.create(services.get(survivor).baseUrl() + "/api/v1/succession/posts/" + marker))
                .header("Authorization", "Bearer " + TestTokens.mint("admin")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(60).toNanos(), survivor + " never applied a new event");
            Thread.sleep(20);
        }
        System.out.printf("FAULTS: take-over: %s killed; %s held the writer's role %.1f s later and applied a new event %.1f s after the kill%n",
                killed, survivor, tookRole, (System.nanoTime() - killedAt) / 1e9);
    }

    /** Scenario 2's repair: the killed instance starts again, as a standby. */
    private static void restartTheKilled() throws Exception {
        ServiceProcess old = services.get(killed);
        services.put(killed, ServiceProcess.start(root, SUCCESSION, old.port(), environments.get(SUCCESSION), logs, killed));
    }

    /** Scenario 8's fault: a rebuild asked of the standby is refused naming the writer; asked of the writer, it starts. */
    private static void rebuildOnTheWriter() throws Exception {
        String writer = writer();
        String standby = writer.equals(SUCCESSION) ? STANDBY : SUCCESSION;
        HttpResponse<String> refused = post(services.get(standby).baseUrl() + "/api/v1/succession/rebuild");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("the writer is"), refused.body());
        HttpResponse<String> started = post(services.get(writer).baseUrl() + "/api/v1/succession/rebuild");
        assertEquals(202, started.statusCode(), started.body());
    }

    /** Scenario 8's repair: the rebuild finishes (the writes went on meanwhile; the writer applies them after it). */
    private static void awaitRebuilt() throws Exception {
        String writer = writer();
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        JsonNode progress;
        do {
            Thread.sleep(500);
            progress = get(services.get(writer).baseUrl() + "/api/v1/succession/rebuild");
        } while (!"DONE".equals(progress.get("state").asText()) && System.nanoTime() < deadline);
        assertEquals("DONE", progress.get("state").asText(), progress.toString());
        System.out.println("FAULTS: rebuilt " + progress.get("eventsProcessed") + " events at " + progress.get("eventsPerSecond").asInt() + " events/s");
    }

    /** The instance holding the writer's role, as its readiness says (waits up to a minute for one). */
    private static String writer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (String name : List.of(SUCCESSION, STANDBY)) {
                if (services.containsKey(name) && "writer".equals(role(http, services.get(name)))) {
                    return name;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no succession-service instance holds the writer's role");
    }

    /** "writer" or "standby", from an instance's readiness (null when it does not answer). */
    private static String role(HttpClient http, ServiceProcess service) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(r.body()).get("checks")) {
                if ("view writer".equals(check.get("name").asText())) {
                    return check.get("data").get("role").asText();
                }
            }
        } catch (Exception e) {
            // not answering
        }
        return null;
    }

    /** A new organisation and its chief executive post, through vacancy-service; returns the post's id. */
    private static String createMarkerPost() throws Exception {
        String ods = "M" + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        String vacancy = services.get("vacancy-service").baseUrl();
        HttpResponse<String> org = postJson(vacancy + "/api/v1/organisations", "{\"odsCode\":\"" + ods + "\",\"name\":\"Marker NHS Trust " + ods
                + "\",\"region\":\"LONDON\",\"organisationType\":\"ACUTE\",\"foundationTrust\":false,\"integratedCareBoardCode\":\"QZZ\",\"oversightSegment\":2}");
        assertEquals(201, org.statusCode(), org.body());
        HttpResponse<String> created = postJson(vacancy + "/api/v1/posts", "{\"odsCode\":\"" + ods + "\",\"role\":\"CHIEF_EXECUTIVE\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("postId").asText();
    }

    private static HttpResponse<String> post(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.mint("admin")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postJson(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.mint("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * A third of the writes, the fault, another third with the fault in place, the repair, the last
     * third; then waits for quiet and checks. Recovery time: from the repair to the view agreeing
     * with the sources after the last write.
     */
    private List<String> scenario(String name, long seed, int writes, FaultLoad load, boolean writeWhileBroken, Step fault, Step repair)
            throws Exception {
        System.out.println("FAULTS: scenario " + name + ", seed " + seed + " (replay with -Dunderstudy.faults.seed=" + (seed - Integer.parseInt(name.substring(0, 1))) + ")");
        load.reseed(seed);
        int accepted0 = load.accepted;
        int rejected0 = load.rejected;
        int failed0 = load.failed;
        for (int i = 0; i < writes / 3; i++) {
            load.step();
        }
        fault.run();
        int during = writeWhileBroken ? writes / 3 : 0;
        for (int i = 0; i < during; i++) {
            load.step();
        }
        long repairStarted = System.nanoTime();
        repair.run();
        awaitReady();
        double repairTook = (System.nanoTime() - repairStarted) / 1e9;
        for (int i = 0; i < writes - writes / 3 - during; i++) {
            load.step();
        }
        long lastWrite = System.nanoTime();
        JsonNode report = awaitQuietAndReconciled();
        double settled = (System.nanoTime() - lastWrite) / 1e9;
        int[] reflected = {0};
        List<String> mismatches = load.check(get(services.get("vacancy-service").baseUrl() + "/api/v1/export"),
                get(services.get("candidate-service").baseUrl() + "/api/v1/export/candidates"), reflected);
        int differences = report.get("differenceCount").asInt();
        List<String> modelDifferences = ReferenceCheck.differences(kafka.bootstrapServers(), services.get(SUCCESSION).baseUrl(), TestTokens.mint("admin"));
        table.add(String.format("%-40s | %-5d | %8d | %8d | %6d | %13d | %14d | %11d | %9d | %6.1f s | %6.1f s", name, seed, load.accepted - accepted0,
                load.rejected - rejected0, load.failed - failed0, load.accepted, reflected[0], differences, modelDifferences.size(), repairTook, settled));
        System.out.println("FAULTS: " + table.get(table.size() - 1));
        List<String> failures = new ArrayList<>();
        if (differences != 0) {
            failures.add(name + ": " + differences + " differences, e.g. " + report.get("differences").toString().substring(0, Math.min(2000, report.get("differences").toString().length())));
        }
        modelDifferences.stream().limit(10).forEach(d -> failures.add(name + ": against the reference model: " + d));
        mismatches.stream().limit(20).forEach(m -> failures.add(name + ": " + m));
        if (load.failed != failed0) {
            failures.add(name + ": " + (load.failed - failed0) + " writes got no answer or a 5xx");
        }
        return failures;
    }

    /**
     * Backpressure: 16 writers at once, far above the one-at-a-time rate of the other scenarios, each
     * registering organisations with a chief executive post. The records queue in Kafka (the consumer
     * group's lag, sampled every 100 ms, must rise above zero), nothing is dropped (every accepted post
     * appears in the view) and the lag drains (the view reconciles with the sources).
     */
    private List<String> burst(String name, long seed, int writes, FaultLoad load) throws Exception {
        System.out.println("FAULTS: scenario " + name + ", seed " + seed + " (replay with -Dunderstudy.faults.seed=" + (seed - 7) + ")");
        String vacancy = services.get("vacancy-service").baseUrl();
        String token = TestTokens.mint("admin");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int organisations = Math.max(16, writes / 2);
        java.util.Random random = new java.util.Random(seed);
        String[] regions = {"LONDON", "SOUTH_EAST", "SOUTH_WEST", "EAST_OF_ENGLAND", "MIDLANDS", "NORTH_WEST", "NORTH_EAST_AND_YORKSHIRE"};
        List<String[]> plan = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            String ods = "Z" + String.format("%4s", Integer.toString((int) ((seed * 7919 + i) % (36 * 36 * 36 * 36)), 36)).replace(' ', '0').toUpperCase();
            plan.add(new String[]{ods, regions[random.nextInt(regions.length)], Integer.toString(1 + random.nextInt(5))});
        }
        java.util.Set<String> acceptedPosts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong maxLag = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                while (sampling.get()) {
                    maxLag.accumulateAndGet(lag(admin), Math::max);
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                System.out.println("FAULTS: lag sampling stopped: " + e);
            }
        }, "lag-sampler");
        sampler.start();
        long started = System.nanoTime();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> all = new ArrayList<>();
            for (String[] org : plan) {
                all.add(writers.submit(() -> {
                    String body = "{\"odsCode\":\"" + org[0] + "\",\"name\":\"Burst Test NHS Trust " + org[0] + "\",\"region\":\"" + org[1]
                            + "\",\"organisationType\":\"ACUTE\",\"foundationTrust\":false,\"integratedCareBoardCode\":\"QZZ\",\"oversightSegment\":" + org[2] + "}";
                    if (post(http, token, vacancy + "/api/v1/organisations", body, accepted, rejected, failed) != null) {
                        String created = post(http, token, vacancy + "/api/v1/posts",
                                "{\"odsCode\":\"" + org[0] + "\",\"role\":\"CHIEF_EXECUTIVE\"}", accepted, rejected, failed);
                        if (created != null) {
                            acceptedPosts.add(JSON.readTree(created).get("postId").asText());
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : all) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        double burstSeconds = (System.nanoTime() - started) / 1e9;
        long lastWrite = System.nanoTime();
        JsonNode report = awaitQuietAndReconciled();
        double settled = (System.nanoTime() - lastWrite) / 1e9;
        Thread.sleep(300);
        sampling.set(false);
        sampler.join();
        int reflected = 0;
        for (String postId : acceptedPosts) {
            HttpResponse<String> view = http.send(HttpRequest.newBuilder(URI.create(services.get("succession-service").baseUrl()
                    + "/api/v1/succession/posts/" + postId)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (view.statusCode() == 200) {
                reflected++;
            }
        }
        int differences = report.get("differenceCount").asInt();
        System.out.printf("FAULTS: burst of %d writes in %.1f s (%.0f writes/s from 16 writers), highest consumer lag %d records, %d of %d accepted posts in the view%n",
                accepted.get() + rejected.get() + failed.get(), burstSeconds, (accepted.get() + rejected.get() + failed.get()) / burstSeconds,
                maxLag.get(), reflected, acceptedPosts.size());
        List<String> modelDifferences = ReferenceCheck.differences(kafka.bootstrapServers(), services.get(SUCCESSION).baseUrl(), TestTokens.mint("admin"));
        table.add(String.format("%-40s | %-5d | %8d | %8d | %6d | %13d | %14d | %11d | %9d | %6.1f s | %6.1f s", name, seed, accepted.get(),
                rejected.get(), failed.get(), load.accepted + accepted.get(), reflected * 2, differences, modelDifferences.size(), burstSeconds, settled));
        modelDifferences.stream().limit(10).forEach(d -> System.out.println("FAULTS: against the reference model: " + d));
        System.out.println("FAULTS: " + table.get(table.size() - 1));
        List<String> failures = new ArrayList<>();
        if (maxLag.get() == 0) {
            failures.add(name + ": the consumer group never lagged, so the burst did not test queueing");
        }
        if (differences != 0) {
            failures.add(name + ": " + differences + " differences");
        }
        modelDifferences.stream().limit(10).forEach(d -> failures.add(name + ": against the reference model: " + d));
        if (reflected != acceptedPosts.size() || accepted.get() != 2 * acceptedPosts.size()) {
            failures.add(name + ": " + reflected + " of " + acceptedPosts.size() + " accepted posts in the view (" + accepted.get() + " writes accepted)");
        }
        if (failed.get() != 0) {
            failures.add(name + ": " + failed.get() + " writes got no answer or a 5xx");
        }
        return failures;
    }

    /** POSTs a JSON body; returns the response body on 2xx, null otherwise, counting the outcome. */
    private static String post(HttpClient http, String token, String url, String body, java.util.concurrent.atomic.AtomicInteger accepted,
                               java.util.concurrent.atomic.AtomicInteger rejected, java.util.concurrent.atomic.AtomicInteger failed) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                return response.body();
            }
            (response.statusCode() >= 500 ? failed : rejected).incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
        }
        return null;
    }

    /** The succession-service consumer group's total lag over both topics. */
    private static long lag(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets("succession-service").partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            var at = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return lag;
    }

    /** Waits until every service answers ready (database, broker, relay, consumers), at most 5 minutes. */
    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        for (ServiceProcess s : services.values()) {
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(s.name() + " on port " + s.port() + " not ready again within " + QUIET_WITHIN);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void restart(String name) throws Exception {
        ServiceProcess old = services.get(name);
        services.put(name, ServiceProcess.start(root, name, old.port(), environments.get(name), logs));
    }

    /**
     * Waits until both outboxes are empty and the reconciliation stops finding differences, and
     * returns the last report (with its differences, if it never got there).
     */
    private static JsonNode awaitQuietAndReconciled() throws Exception {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            if (unsent("vacancy-service") + unsent("candidate-service") == 0) {
                report = get(services.get("succession-service").baseUrl() + "/api/v1/succession/reconciliation");
                if (report.get("differenceCount").asInt() == 0) {
                    return report;
                }
            }
            Thread.sleep(1000);
        }
        return report != null ? report : get(services.get("succession-service").baseUrl() + "/api/v1/succession/reconciliation");
    }

    private static long unsent(String service) throws Exception {
        try (Connection db = pg.connect(databases.get(service));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + TestTokens.mint("admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /**
     * Scenario 5: every record so far on both topics again, newest first (duplicates, and each
     * aggregate's versions in reverse order), then malformed records, each of which must reach
     * succession-service's dead-letter topic while the consumer moves on to what follows.
     */
    private static void replayAndPoison() throws Exception {
        Map<String, Long> deadBefore = endOffsets(List.of("succession-service.vacancy-events.dlq", "succession-service.candidate-events.dlq"));
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                }
                Collections.reverse(records);
                for (ConsumerRecord<String, String> r : records) {
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, r.partition(), r.key(), r.value());
                    for (Header h : r.headers()) {
                        again.headers().add(h);
                    }
                    producer.send(again);
                    replayed++;
                }
                for (String poison : List.of("not json", "{\"specversion\":\"1.0\"}",
                        "{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"source\":\"/fault\",\"type\":\"org.understudy.candidate.candidate.registered.v1\","
                                + "\"subject\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{\"version\":1,\"changed\":[],\"state\":{\"nonsense\":true}}}")) {
                    producer.send(new ProducerRecord<>(topic, "poison", poison));
                }
            }
            producer.flush();
        }
        System.out.println("FAULTS: replayed " + replayed + " records newest first, and 3 malformed ones per topic");
        // The dead letters arrive once the consumers reach them; the rest of the scenario runs meanwhile.
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        Map<String, Long> deadAfter;
        do {
            Thread.sleep(500);
            deadAfter = endOffsets(List.of("succession-service.vacancy-events.dlq", "succession-service.candidate-events.dlq"));
        } while (System.nanoTime() < deadline && !(sum(deadAfter) - sum(deadBefore) >= 6));
        assertTrue(sum(deadAfter) - sum(deadBefore) >= 6, "6 malformed records dead-lettered: " + deadBefore + " -> " + deadAfter);
        System.out.println("FAULTS: dead-lettered " + (sum(deadAfter) - sum(deadBefore)) + " malformed records");
    }

    private static long sum(Map<String, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> endOffsets(List<String> topics) {
        Map<String, Long> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.listTopics().containsKey(topic) ? consumer.partitionsFor(topic) : List.of();
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.endOffsets(partitions).forEach((tp, offset) -> out.put(tp.toString(), offset));
        }
        return out;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("enable.auto.commit", "false");
        return props;
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("acks", "all");
        return props;
    }
}
