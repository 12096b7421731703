package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What succession-service's writer is measured on beyond freshness: a second instance's stream, reads
 * while writes flow, a take-over when the writer is SIGKILLed, and a catch-up from an emptied view.
 * Each phase adds its rows to the bench's table.
 */
final class WriterPhases {
    /** Adds a figure to the bench's table. */
    interface Rows {
        BenchMain.Row row(String key, String figure, String unit, String baselineName, String target,
                          java.util.function.BiFunction<Double, Double, Boolean> met);
    }

    private final Rows rows;
    private final Http http;
    private final Urls urls;
    private final List<String> postIds;
    private final List<String> candidateIds;
    private final Footprint footprint;
    private final KafkaBaselines kafka;
    private final Path root;
    private final Path state;
    private final int kafkaPort;
    private final int pgPort;
    private final int secondPort;

    WriterPhases(Rows rows, Http http, Urls urls, List<String> postIds, List<String> candidateIds, Footprint footprint, KafkaBaselines kafka,
                 Path root, Path state, int kafkaPort, int pgPort, int secondPort) {
        this.rows = rows;
        this.http = http;
        this.urls = urls;
        this.postIds = postIds;
        this.candidateIds = candidateIds;
        this.footprint = footprint;
        this.kafka = kafka;
        this.root = root;
        this.state = state;
        this.kafkaPort = kafkaPort;
        this.pgPort = pgPort;
        this.secondPort = secondPort;
    }

    /** A second instance beside the stack's, for the phases that need two. */
    SecondInstance startSecond() throws Exception {
        return SecondInstance.start(root, state, secondPort, kafkaPort, pgPort, http);
    }

    /** Writes at a rate, timed on the second instance's stream: every change the writer applies must reach it. */
    void secondStream(SecondInstance second, int rate, int seconds) throws Exception {
        Freshness.Result f = new Freshness(http, urls, postIds, candidateIds, second.url()).run(rate, seconds);
        System.out.printf(Locale.ROOT, "second instance's stream: p50 %.1f ms, p99 %.1f ms, %d of %d writes not seen%n",
                f.p50(), f.p99(), f.unresolved(), f.writes() / 2);
        rows.row("second.p99", "Second instance's stream, freshness p99 (" + rate + " writes/s)", "ms", "", "≤ 250 ms", (v, b) -> v <= 250)
                .add(f.p99(), Double.NaN);
        rows.row("second.seen", "Second instance's stream: share of timed writes seen", "%", "", "100%", (v, b) -> v >= 100)
                .add(100.0 * f.measured() / Math.max(1, f.measured() + f.unresolved()), Double.NaN);
    }

    /** Post reads on the writer while writes flow at a rate: both figures at once. */
    void readsWhileWriting(Load load, int rate, int warmup, int seconds) throws Exception {
        CompletableFuture<Freshness.Result> writes = CompletableFuture.supplyAsync(() -> {
            try {
                return new Freshness(http, urls, postIds, candidateIds).run(rate, warmup + seconds + 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2000); // the stream is open and the writes have started
        String base = urls.succession() + "/api/v1/succession/posts";
        Load.Result reads = load.run(() -> http.get(base + "/" + Load.pick(postIds)), warmup, seconds, () -> { });
        Freshness.Result f = writes.get(5, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "reads while writing: post %.0f req/s p99 %.1f ms; writes %.0f/s freshness p50 %.1f ms p99 %.1f ms%n",
                reads.requestsPerSecond(), reads.p99(), f.rate(), f.p50(), f.p99());
        rows.row("rw.read.rps", "Post reads while " + rate + " writes/s flow", "req/s", "", "≥ 5,000", (v, b) -> v >= 5000)
                .add(reads.requestsPerSecond(), Double.NaN);
        rows.row("rw.read.p99", "Post read p99 while writes flow", "ms", "", "≤ 20 ms", (v, b) -> v <= 20).add(reads.p99(), Double.NaN);
        rows.row("rw.fresh.p99", "Freshness p99 while the reads run", "ms", "", "≤ 250 ms", (v, b) -> v <= 250).add(f.p99(), Double.NaN);
    }

    /**
     * The writer SIGKILLed while writes flow at a rate: how long until the other instance applies an event
     * written after the kill, then (once quiet) the reconciliation's differences and the events applied twice.
     *
     * @return the second instance, started again if it was the one killed
     */
    SecondInstance failover(SecondInstance running, int rate, int seconds) throws Exception {
        SecondInstance second = running;
        // The stack's own instance is the one killed unless the second holds the writer's role (a build
        // without one writer has no role: both apply events, and the stack's own is killed).
        boolean stacksOwn = !"writer".equals(role(second.url()));
        ProcessHandle writer = stacksOwn ? footprint.process("succession-service").orElseThrow() : second.handle();
        String survivor = stacksOwn ? second.url() : urls.succession();
        CompletableFuture<Freshness.Result> writes = CompletableFuture.supplyAsync(() -> {
            try {
                return new Freshness(http, urls, postIds, candidateIds, survivor).run(rate, seconds);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(Math.min(10, seconds / 3) * 1000L);
        writer.destroyForcibly();
        long killed = System.nanoTime();
        String marker = markerPost();
        while (http.statusOf(http.get(survivor + "/api/v1/succession/posts/" + marker)) != 200) {
            if (System.nanoTime() - killed > Duration.ofMinutes(3).toNanos()) {
                break;
            }
            Thread.sleep(20);
        }
        double takeOver = (System.nanoTime() - killed) / 1e9;
        Freshness.Result f = writes.get(10, TimeUnit.MINUTES);
        if (stacksOwn) {
            new ProcessBuilder(List.of(root.resolve("deploy/local/up").toString(), "--detach", "--no-seed"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(3, TimeUnit.MINUTES);
        } else {
            second = startSecond();
        }
        settle();
        JsonNode report = http.getJson(urls.succession() + "/api/v1/succession/reconciliation");
        long twice = new ViewDatabase(pgPort).appliedTwice();
        System.out.printf(Locale.ROOT, "failover: %s killed under %d writes/s; an event written after the kill applied %.1f s later; "
                        + "reconciliation %d differences; %d events applied twice; %d writes not seen on the survivor's stream%n",
                stacksOwn ? "the stack's instance" : "the second instance", rate, takeOver, report.path("differenceCount").asInt(), twice,
                f.unresolved());
        rows.row("failover.s", "Writer SIGKILLed (" + rate + " writes/s): an event written after it applied within", "s", "", "≤ 10 s",
                (v, b) -> v <= 10).add(takeOver, Double.NaN);
        rows.row("failover.diff", "Reconciliation differences after the take-over", "posts", "", "0", (v, b) -> v == 0)
                .add(report.path("differenceCount").asInt(), Double.NaN);
        rows.row("failover.twice", "Events applied twice (history rows of one event for one post)", "events", "", "0", (v, b) -> v == 0)
                .add(twice, Double.NaN);
        return second;
    }

    /**
     * succession-service stopped, its view emptied (nothing applied), its consumer group back at the
     * first offsets, then started: every event on the topics drained as new. Events/s from the new
     * process's start to no record left unapplied, beside the rebuild rate of the same run.
     */
    void catchUp(double rebuildRate) throws Exception {
        ProcessHandle old = footprint.process("succession-service").orElseThrow();
        old.destroy();
        old.onExit().get(60, TimeUnit.SECONDS);
        new ViewDatabase(pgPort).empty();
        long events = kafka.records("vacancy-events") + kafka.records("candidate-events");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, urls.kafka()))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (String topic : List.of("vacancy-events", "candidate-events")) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            }
            Map<TopicPartition, OffsetAndMetadata> first = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((tp, o) -> first.put(tp, new OffsetAndMetadata(o.offset())));
            admin.alterConsumerGroupOffsets("succession-service", first).all().get();
        }
        new ProcessBuilder(List.of(root.resolve("deploy/local/up").toString(), "--detach", "--no-seed"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle fresh = null;
        while (fresh == null) {
            Optional<ProcessHandle> p = footprint.process("succession-service");
            if (p.isPresent() && p.get().pid() != old.pid()) {
                fresh = p.get();
            } else {
                Thread.sleep(10);
            }
        }
        long lag;
        long giveUp = System.nanoTime() + CATCH_UP_AT_MOST.toNanos();
        do {
            Thread.sleep(250);
            lag = kafka.uncommitted("succession-service", List.of("vacancy-events", "candidate-events"));
        } while (lag > 0 && System.nanoTime() < giveUp);
        java.time.Instant done = java.time.Instant.now();
        double seconds = Duration.between(fresh.info().startInstant().orElseThrow(), done).toMillis() / 1000.0;
        double cpu = fresh.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        long drained = events - lag;
        System.out.printf(Locale.ROOT, "catch-up: %d of %d events in %.1f s from the process's start (%.0f events/s; rebuild %.0f events/s); "
                + "%.3f ms of succession-service CPU an event%s%n", drained, events, seconds, drained / seconds, rebuildRate, cpu / drained,
                lag > 0 ? "; not drained within " + CATCH_UP_AT_MOST.toMinutes() + " minutes: the view is rebuilt instead" : "");
        rows.row("catchup", "Catch-up from an emptied view, process start to nothing unapplied (" + events + " events)", "events/s",
                "rebuild events/s", "≥ 20,000 and ≥ 0.5 × rebuild", (v, b) -> v >= 20000 && v >= 0.5 * b).add(drained / seconds, rebuildRate);
        rows.row("catchup.cpu", "succession-service CPU an event, catching up", "ms", "", "", null).add(cpu / drained, Double.NaN);
        if (lag > 0) {
            http.send(http.request(urls.succession() + "/api/v1/succession/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(), 202);
            while (!"DONE".equals(http.getJson(urls.succession() + "/api/v1/succession/rebuild").path("state").asText())) {
                Thread.sleep(500);
            }
        }
    }

    /** A catch-up slower than this is reported at the rate it reached, and the view rebuilt. */
    private static final Duration CATCH_UP_AT_MOST = Duration.ofMinutes(10);

    private void settle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (kafka.uncommitted("succession-service", List.of("vacancy-events", "candidate-events")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** An instance's role from its readiness ("writer", "standby"), or null when it does not say (a build without one writer). */
    private String role(String baseUrl) {
        try {
            JsonNode health = Http.JSON.readTree(http.client.send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode check : health.path("checks")) {
                if ("view writer".equals(check.path("name").asText())) {
                    return check.path("data").path("role").asText();
                }
            }
        } catch (Exception e) {
            // not answering
        }
        return null;
    }

    /** A new trust and its chief executive post, through vacancy-service; returns the post's id. */
    private String markerPost() {
        String ods = "B" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36).toUpperCase();
        http.send(http.json("POST", urls.vacancy() + "/api/v1/organisations", Map.of("odsCode", ods, "name", "Bench NHS Trust " + ods,
                "region", "LONDON", "organisationType", "ACUTE", "foundationTrust", false, "integratedCareBoardCode", "QZZ",
                "oversightSegment", 2)), 201);
        return http.send(http.json("POST", urls.vacancy() + "/api/v1/posts", Map.of("odsCode", ods, "role", "CHIEF_EXECUTIVE")), 201)
                .path("postId").asText();
    }
}
