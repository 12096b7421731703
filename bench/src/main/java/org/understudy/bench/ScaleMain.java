package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.understudy.infra.security.SigningKeys;
import org.understudy.infra.security.TokenMinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How succession-service's writer grows with the data: on a stack whose topics hold a synthetic history
 * of {@code scale} × the national stress set's people and events ({@link SyntheticHistory}, written once
 * per state folder), the writer started on an emptied view catches up; then its heap, a restart to
 * writing, post reads and a recomputed consequence capacity. One scale per call (bench/run --scale runs
 * each in a state folder of its own); the figures go to {@code scale-<n>.json} for the table.
 */
public final class ScaleMain {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        int scale = Integer.parseInt(o.get("scale"));
        Path root = Path.of(o.get("root"));
        Path state = Path.of(o.get("state"));
        Path out = Path.of(o.get("out"));
        int successionPort = Integer.parseInt(o.get("succession-port"));
        int kafkaPort = Integer.parseInt(o.get("kafka-port"));
        int pgPort = Integer.parseInt(o.get("pg-port"));
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String token = new TokenMinter(SigningKeys.loadOrCreate(state.resolve("keys"))).mint("admin", List.of(), Duration.ofHours(8));
        Http http = new Http(token, 24);
        KafkaBaselines kafka = new KafkaBaselines(bootstrap);
        Footprint footprint = new Footprint(state);

        Path written = state.resolve("bench-synthetic-" + scale);
        long events;
        if (Files.exists(written)) {
            events = Long.parseLong(Files.readString(written).trim());
        } else {
            long t0 = System.nanoTime();
            events = new SyntheticHistory(20261206L + scale).write(bootstrap, scale);
            Files.writeString(written, Long.toString(events));
            System.out.printf(Locale.ROOT, "scale %d: wrote %,d events in %.0f s%n", scale, events, (System.nanoTime() - t0) / 1e9);
        }
        events = kafka.records("vacancy-events") + kafka.records("candidate-events");

        // The stack's own succession-service gives way to one with the heap this size may need.
        footprint.process("succession-service").ifPresent(p -> {
            p.destroy();
            p.onExit().join();
        });
        new ViewDatabase(pgPort).empty();
        resetGroup(bootstrap);
        String heap = o.getOrDefault("heap", "4g");
        SecondInstance writer = SecondInstance.startWith(root, state, successionPort, kafkaPort, pgPort, http, "-Xmx" + heap);
        Instant started = writer.handle().info().startInstant().orElseThrow();
        while (kafka.uncommitted("succession-service", List.of("vacancy-events", "candidate-events")) > 0) {
            Thread.sleep(250);
        }
        double catchUpSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        double cpuMs = writer.handle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        double heapMb = heapAfterFullCollection(writer, http);
        List<String> posts = new ArrayList<>();
        http.getJson(writer.url() + "/api/v1/succession/posts?size=500").path("items").forEach(i -> posts.add(i.path("postId").asText()));
        Load.Result reads = new Load(http, 16).run(() -> http.get(writer.url() + "/api/v1/succession/posts/" + Load.pick(posts)), 5, 10, () -> { });
        double capacityMs = capacityRecomputed(writer, http, bootstrap);

        writer.close();
        SecondInstance again = SecondInstance.startWith(root, state, successionPort, kafkaPort, pgPort, http, "-Xmx" + heap);
        double restartToWriting = Duration.between(again.handle().info().startInstant().orElseThrow(), writingAgain(again, http, bootstrap))
                .toMillis() / 1000.0;
        again.close();

        System.out.printf(Locale.ROOT, "scale %d: %,d events; catch-up %.1f s (%.0f events/s), %.3f ms CPU an event; heap %.0f MB after a full "
                        + "collection; restart to writing %.1f s; post read p99 %.1f ms (%.0f req/s); capacity recomputed %.0f ms%n", scale, events,
                catchUpSeconds, events / catchUpSeconds, cpuMs / events, heapMb, restartToWriting, reads.p99(), reads.requestsPerSecond(),
                capacityMs);
        Files.createDirectories(out);
        Files.writeString(out.resolve("scale-" + scale + ".json"), Http.JSON.writeValueAsString(Map.of("scale", scale, "events", events,
                "candidates", SyntheticHistory.CANDIDATES_AT_SCALE_1 * scale, "catchUpEventsPerSecond", events / catchUpSeconds,
                "cpuMsPerEvent", cpuMs / events, "heapMb", heapMb, "restartToWritingSeconds", restartToWriting, "postReadP99Ms", reads.p99(),
                "postReadsPerSecond", reads.requestsPerSecond(), "capacityRecomputedMs", capacityMs)));
        System.exit(0);
    }

    private static void resetGroup(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (String topic : List.of("vacancy-events", "candidate-events")) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            }
            Map<TopicPartition, OffsetAndMetadata> first = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((tp, off) -> first.put(tp, new OffsetAndMetadata(off.offset())));
            admin.alterConsumerGroupOffsets("succession-service", first).all().get();
        }
    }

    /** The heap in use after a full collection (jcmd GC.run), from the service's own metrics. */
    private static double heapAfterFullCollection(SecondInstance writer, Http http) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(writer.handle().pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        return ServiceMetrics.sum(http, writer.url(), "jvm_memory_used_bytes", l -> l.contains("area=\"heap\"")) / 1e6;
    }

    /** A synthetic candidate made ready now (who counts changes), then the first capacity answer at a new view version. */
    private static double capacityRecomputed(SecondInstance writer, Http http, String bootstrap) throws Exception {
        String url = writer.url() + "/api/v1/succession/capacity";
        long before = http.getJson(url).path("viewVersion").asLong();
        new SyntheticHistory(7L).readyNowCandidate(bootstrap);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            JsonNode answer = http.getJson(url);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (answer.path("viewVersion").asLong() != before) {
                return ms;
            }
            Thread.sleep(20);
        }
        return Double.NaN;
    }

    /** When a restarted writer has applied a new event again (a candidate written after its start, visible in the view). */
    private static Instant writingAgain(SecondInstance writer, Http http, String bootstrap) throws Exception {
        String url = writer.url() + "/api/v1/succession/capacity";
        long before = http.getJson(url).path("viewVersion").asLong();
        new SyntheticHistory(8L).readyNowCandidate(bootstrap);
        while (http.getJson(url).path("viewVersion").asLong() == before) {
            Thread.sleep(20);
        }
        return Instant.now();
    }
}
