package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.understudy.infra.security.SigningKeys;
import org.understudy.infra.security.TokenMinter;

/**
 * The benchmark suite against a running local stack (bench/run starts one): freshness,
 * rebuild, reads, consequence capacity and footprint, each beside a baseline measured in the same run,
 * the median of --runs runs. Prints the table and writes it as JSON and Markdown.
 */
public final class BenchMain {
    private static final List<String> SERVICES = List.of("vacancy-service", "candidate-service", "succession-service");

    private final Map<String, String> options;
    private final int runs;
    private final Set<String> skip;

    private BenchMain(Map<String, String> options) {
        this.options = options;
        this.runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        this.skip = Set.of(options.getOrDefault("skip", "").split(","));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new BenchMain(options).run();
        System.exit(0);
    }

    private String opt(String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private int num(String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
    }

    /** One figure: its value and its baseline in each run. */
    static final class Row {
        final String figure;
        final String unit;
        final String baselineName;
        final String target;
        final java.util.function.BiFunction<Double, Double, Boolean> met;
        final List<Double> values = new ArrayList<>();
        final List<Double> baselines = new ArrayList<>();

        Row(String figure, String unit, String baselineName, String target, java.util.function.BiFunction<Double, Double, Boolean> met) {
            this.figure = figure;
            this.unit = unit;
            this.baselineName = baselineName;
            this.target = target;
            this.met = met;
        }

        double value() {
            return Stats.median(values);
        }

        double baseline() {
            return Stats.median(baselines);
        }

        void add(double value, double baseline) {
            values.add(value);
            baselines.add(baseline);
        }

        String verdict() {
            if (met == null) {
                return "";
            }
            if (Double.isNaN(value())) {
                return "not measured";
            }
            return met.apply(value(), baseline()) ? "met" : "NOT met";
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * Each service's CPU with no load, just before the reads. A service that is still busy takes CPU from the
     * reads on this shared machine: a backlog not yet applied, or a request stuck in a loop after clients gave
     * up under the write load (docs/benchmarks.md, "Decisions"). Shown beside the reads, no target.
     */
    private void idleCpuBeforeReads(Footprint footprint) throws InterruptedException {
        StringBuilder line = new StringBuilder("CPU with no load before the reads (3 s):");
        Map<String, Double> cpu = footprint.cpuPercent(SERVICES, Duration.ofSeconds(3));
        for (String s : SERVICES) {
            double percent = cpu.get(s);
            line.append(String.format(Locale.ROOT, " %s %.0f%%", s, percent));
            row("idle.cpu." + s, s + " CPU with no load, before the reads", "% of a core", "", "", null).add(percent, Double.NaN);
            if (percent > 30) {
                line.append(" (busy: the reads below are disturbed)");
            }
        }
        System.out.println(line);
    }

    Row row(String key, String figure, String unit, String baselineName, String target,
                    java.util.function.BiFunction<Double, Double, Boolean> met) {
        return rows.computeIfAbsent(key, k -> new Row(figure, unit, baselineName, target, met));
    }

    private void run() throws Exception {
        Path root = Path.of(opt("root"));
        Path state = Path.of(opt("state"));
        Urls urls = new Urls("http://127.0.0.1:" + opt("vacancy-port"), "http://127.0.0.1:" + opt("candidate-port"),
                "http://127.0.0.1:" + opt("succession-port"), "127.0.0.1:" + opt("kafka-port"));
        Map<String, Integer> ports = Map.of("vacancy-service", Integer.parseInt(opt("vacancy-port")),
                "candidate-service", Integer.parseInt(opt("candidate-port")), "succession-service", Integer.parseInt(opt("succession-port")));
        String token = new TokenMinter(SigningKeys.loadOrCreate(state.resolve("keys"))).mint("admin", List.of(), java.time.Duration.ofHours(8));
        int threads = num("threads", 16);
        Http http = new Http(token, threads + 4);
        int rate = num("rate", 200);
        int freshnessSeconds = num("freshness-seconds", 60);
        int warmup = num("warmup-seconds", 5);
        int readSeconds = num("read-seconds", 20);

        KafkaBaselines kafka = new KafkaBaselines(urls.kafka());
        if (options.containsKey("seeded-at")) {
            seededHistory(http, urls, kafka, Instant.ofEpochMilli(Long.parseLong(options.get("seeded-at"))));
        }

        // What is loaded.
        List<String> postIds = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = http.getJson(urls.succession() + "/api/v1/succession/posts?size=500&page=" + page);
            p.path("items").forEach(i -> postIds.add(i.path("postId").asText()));
            if (p.path("items").size() < 500) {
                break;
            }
        }
        List<String> candidateIds = new ArrayList<>();
        http.getJson(urls.candidate() + "/api/v1/candidates?role=CHIEF_EXECUTIVE&size=500").path("items")
                .forEach(i -> candidateIds.add(i.path("candidateId").asText()));
        if (postIds.isEmpty() || candidateIds.isEmpty()) {
            throw new IllegalStateException("nothing loaded: " + postIds.size() + " posts, " + candidateIds.size() + " candidates; seed the stack first");
        }
        long events = kafka.records("vacancy-events") + kafka.records("candidate-events");
        System.out.printf(Locale.ROOT, "Loaded: %d posts in the view, %d events on vacancy-events and candidate-events; %d runs%n",
                postIds.size(), events, runs);
        Footprint footprint = new Footprint(state);
        Load load = new Load(http, threads);
        Path toolsJar = Path.of(opt("kafka-tools-jar"));
        int successionPort = Integer.parseInt(opt("succession-port"));
        WriterPhases writer = new WriterPhases(this::row, http, urls, postIds, candidateIds, footprint, kafka, root, state,
                Integer.parseInt(opt("kafka-port")), Integer.parseInt(opt("pg-port")), num("second-port", successionPort + 10));

        if (Boolean.parseBoolean(options.getOrDefault("rebuild-first", "false"))) {
            JsonNode done = rebuild(http, urls);
            System.out.printf(Locale.ROOT, "rebuilt the view first: %s events%n", done.path("eventsProcessed").asText());
        }

        // The services' JIT compilers: a freshly started JVM spends most of its first minute of load
        // compiling (on two cores shared with everything else), which is not the steady state asked for.
        // Before every run: the footprint phase of the run before restarted the services.
        int freshnessWarmup = num("freshness-warmup-seconds", 30);

        for (int r = 1; r <= runs; r++) {
            System.out.printf("--- run %d of %d%n", r, runs);
            settle(kafka);
            if (!skip.contains("freshness") && freshnessWarmup > 0) {
                Freshness.Result w = new Freshness(http, urls, postIds, candidateIds).run(rate, freshnessWarmup);
                System.out.printf(Locale.ROOT, "warm-up (not counted): %d s of writes at %d/s, freshness p50 %.1f ms, p99 %.1f ms%n",
                        freshnessWarmup, rate, w.p50(), w.p99());
                settle(kafka);
            }
            if (!skip.contains("freshness")) {
                Optional<Duration> cpuBefore = footprint.cpuTime("succession-service");
                double foldedBefore = ServiceMetrics.eventsFolded(http, urls.succession());
                Freshness.Result f = new Freshness(http, urls, postIds, candidateIds).run(rate, freshnessSeconds);
                settle(kafka);
                double folded = ServiceMetrics.eventsFolded(http, urls.succession()) - foldedBefore;
                double cpuMs = cpuBefore.flatMap(b -> footprint.cpuTime("succession-service").map(a -> a.minus(b).toNanos() / 1e6))
                        .orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "succession-service: %.0f events folded, %.3f ms of CPU an event%n", folded, cpuMs / folded);
                row("fresh.cpu", "succession-service CPU an event under that load", "ms", "", "≤ 0.3 ms", (v, b) -> v <= 0.3)
                        .add(cpuMs / folded, Double.NaN);
                KafkaBaselines.RoundTrip k = kafka.roundTrip(rate, freshnessSeconds);
                System.out.printf(Locale.ROOT, "freshness: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d measured, %d not seen, %d writes answered 2xx, %d errors, %.0f writes/s); "
                        + "from the sending p50 %.1f, p99 %.1f ms; Kafka round trip p50 %.1f, p99 %.1f, max %.1f ms%n", f.p50(), f.p99(), f.max(), f.measured(), f.unresolved(),
                        f.writes(), f.errors(), f.rate(), f.sentP50(), f.sentP99(), k.p50(), k.p99(), k.max());
                row("fresh.p50", "Freshness p50 (" + rate + " writes/s, " + freshnessSeconds + " s)", "ms", "Kafka produce→consume p50", "≤ 50 ms", (v, b) -> v <= 50)
                        .add(f.p50(), k.p50());
                row("fresh.p99", "Freshness p99", "ms", "Kafka produce→consume p99", "≤ 250 ms", (v, b) -> v <= 250).add(f.p99(), k.p99());
                row("fresh.max", "Freshness max", "ms", "Kafka produce→consume max", "", null).add(f.max(), k.max());
                row("fresh.sent.p50", "Freshness from the write's sending, p50 (its answer time included)", "ms", "", "", null)
                        .add(f.sentP50(), Double.NaN);
                row("fresh.sent.p99", "Freshness from the write's sending, p99", "ms", "", "", null).add(f.sentP99(), Double.NaN);
                row("fresh.lost", "Writes not seen on the stream within 15 s", "writes", "", "", null).add(f.unresolved(), Double.NaN);
                row("fresh.rate", "Write rate achieved (2xx and errors)", "writes/s", "asked", "", null).add(f.rate(), rate);
                for (String lower : options.getOrDefault("sweep", "").split(",")) {
                    if (lower.isBlank()) {
                        continue;
                    }
                    int at = Integer.parseInt(lower.trim());
                    Freshness.Result s = new Freshness(http, urls, postIds, candidateIds).run(at, freshnessSeconds);
                    settle(kafka);
                    System.out.printf(Locale.ROOT, "freshness at %d writes/s: p50 %.1f ms, p99 %.1f ms from the answer; p50 %.1f ms, p99 %.1f ms from the sending (%d not seen)%n",
                            at, s.p50(), s.p99(), s.sentP50(), s.sentP99(), s.unresolved());
                    row("fresh." + at + ".p99", "Freshness p99 at " + at + " writes/s", "ms", "", "≤ 250 ms", (v, b) -> v <= 250).add(s.p99(), Double.NaN);
                    row("fresh." + at + ".sent.p99", "Freshness from the sending, p99, at " + at + " writes/s", "ms", "", "", null)
                            .add(s.sentP99(), Double.NaN);
                }
            }
            if (!skip.contains("reads")) {
                settle(kafka);
                idleCpuBeforeReads(footprint);
                Map<String, Double> rss = new HashMap<>();
                Runnable sample = () -> {
                    for (String s : SERVICES) {
                        rss.merge(s, footprint.rssMb(s), (a, b) -> Double.isNaN(a) ? b : Math.max(a, b));
                    }
                    rss.merge("kafka", footprint.rssMb("kafka"), (a, b) -> Double.isNaN(a) ? b : Math.max(a, b));
                };
                String base = urls.succession() + "/api/v1/succession/posts";
                Supplier<java.net.http.HttpRequest> trivialRequest = () -> http.get(urls.succession() + "/q/health/live");
                Load.Result trivial = load.run(trivialRequest, warmup, readSeconds, sample);
                Load.Result post = load.run(() -> http.get(base + "/" + Load.pick(postIds)), warmup, readSeconds, sample);
                Load.Result list = load.run(() -> http.get(base + "?role=CHIEF_EXECUTIVE&size=200"), warmup, readSeconds, sample);
                System.out.printf(Locale.ROOT, "reads (%d threads): post %.0f req/s p99 %.1f ms (%d errors); list %.0f req/s p99 %.1f ms (%d errors); "
                                + "trivial %.0f req/s p99 %.1f ms (%d errors); RSS MB %s%n", threads, post.requestsPerSecond(), post.p99(), post.errors(),
                        list.requestsPerSecond(), list.p99(), list.errors(), trivial.requestsPerSecond(), trivial.p99(), trivial.errors(), rss);
                row("read.post.rps", "Post read GET /posts/{id} (" + threads + " connections)", "req/s", "/q/health/live req/s",
                        "≥ 5,000 and ≥ 0.5 × baseline", (v, b) -> v >= 5000 && v >= 0.5 * b).add(post.requestsPerSecond(), trivial.requestsPerSecond());
                row("read.post.p99", "Post read p99", "ms", "/q/health/live p99", "≤ 20 ms", (v, b) -> v <= 20).add(post.p99(), trivial.p99());
                row("read.list.rps", "Filtered list, 200 rows (role=CHIEF_EXECUTIVE&size=200)", "req/s", "/q/health/live req/s", "≥ 1,000",
                        (v, b) -> v >= 1000).add(list.requestsPerSecond(), trivial.requestsPerSecond());
                row("read.list.p99", "Filtered list p99", "ms", "/q/health/live p99", "", null).add(list.p99(), trivial.p99());
                for (String s : SERVICES) {
                    row("rss." + s, s + " RSS under the read load (max sampled)", "MB", "Kafka broker RSS", "≤ 300 MB", (v, b) -> v <= 300)
                            .add(rss.getOrDefault(s, Double.NaN), rss.getOrDefault("kafka", Double.NaN));
                }
                // What the target does not measure, shown beside it: the most each service has been resident since it
                // started, the write load before the reads included (the services give back heap when idle).
                for (String s : SERVICES) {
                    row("rss.peak." + s, s + " peak RSS since start (VmHWM, write load included)", "MB", "Kafka broker VmHWM", "", null)
                            .add(footprint.peakRssMb(s), footprint.peakRssMb("kafka"));
                }
            }
            if (!skip.contains("capacity")) {
                capacity(http, urls, candidateIds, r);
            }
            if (!skip.contains("imports")) {
                settle(kafka);
                int importRows = num("import-rows", 100_000);
                int baselineRows = num("import-baseline-rows", 2_000);
                ImportPhase imports = new ImportPhase(http, urls);
                String tag = "r" + r + "-" + System.currentTimeMillis();
                ImportPhase.Result imported = imports.candidates(importRows, baselineRows, threads, tag);
                row("import.rps", String.format(Locale.ROOT, "Import of %,d candidates (CSV, one job)", importRows), "rows/s",
                        "single-row POST /api/v1/candidates rows/s (" + threads + " threads)", "≥ 2,000", (v, b) -> v >= 2000)
                        .add(imported.rowsPerSecond(), imported.postsPerSecond());
                double caughtUp = settle(kafka);
                row("import.caught-up", "The view caught up after the import (consumer lag 0)", "s", "", "", null).add(caughtUp, Double.NaN);
                ImportPhase.Result assessed = imports.assessments(importRows, baselineRows, threads, tag, candidateIds);
                row("import.assessments.rps", String.format(Locale.ROOT, "Import of %,d dated readiness assessments (five each of %,d "
                                + "of those candidates, CSV, one job)", importRows, importRows / 5), "rows/s",
                        "single-row PUT /api/v1/candidates/{id}/readiness rows/s (" + threads + " threads)", "≥ 2,000", (v, b) -> v >= 2000)
                        .add(assessed.rowsPerSecond(), assessed.postsPerSecond());
                double assessmentsCaughtUp = settle(kafka);
                row("import.assessments.caught-up", "The view caught up after the assessments' import (consumer lag 0)", "s", "", "", null)
                        .add(assessmentsCaughtUp, Double.NaN);
                ImportPhase.Result organisations = imports.organisations(importRows, baselineRows, threads);
                row("import.organisations.rps", String.format(Locale.ROOT, "Import of %,d organisations (vacancy-service, CSV, one job)",
                                importRows), "rows/s", "single-row POST /api/v1/organisations rows/s (" + threads + " threads)", "≥ 2,000",
                        (v, b) -> v >= 2000).add(organisations.rowsPerSecond(), organisations.postsPerSecond());
                double organisationsCaughtUp = settle(kafka);
                row("import.organisations.caught-up", "The view caught up after the organisations' import (consumer lag 0)", "s", "", "", null)
                        .add(organisationsCaughtUp, Double.NaN);
                if (r == 1) {
                    // Once: a run adds 100,000 candidates with their assessments, and the reconciliation reads every candidate
                    // into succession-service's 512 MB heap (after a second run's imports it ran out of memory).
                    JsonNode reconciled = http.getJson(urls.succession() + "/api/v1/succession/reconciliation");
                    System.out.printf(Locale.ROOT, "reconciliation after the imports: %d posts, %d candidates, %d differences%n",
                            reconciled.path("posts").asInt(), reconciled.path("candidates").asInt(), reconciled.path("differenceCount").asInt());
                    row("import.reconciliation", "Differences the reconciliation finds after the first run's imports", "", "", "0",
                            (v, b) -> v == 0).add(reconciled.path("differenceCount").asDouble(), Double.NaN);
                }
            }
            double rebuildRate = Double.NaN;
            if (!skip.contains("rebuild")) {
                JsonNode done = rebuild(http, urls);
                rebuildRate = done.path("eventsPerSecond").asDouble();
                KafkaBaselines.ConsumerRate consumer = kafka.consumerPerformance(toolsJar, List.of("vacancy-events", "candidate-events"));
                System.out.printf(Locale.ROOT, "rebuild: %s events, %.0f events/s; ConsumerPerformance %d records, %.0f records/s%n",
                        done.path("eventsProcessed").asText(), done.path("eventsPerSecond").asDouble(), consumer.messages(), consumer.messagesPerSecond());
                row("rebuild", "Rebuild (" + done.path("eventsProcessed").asText() + " events)", "events/s", "ConsumerPerformance records/s",
                        "≥ 20,000", (v, b) -> v >= 20000).add(done.path("eventsPerSecond").asDouble(), consumer.messagesPerSecond());
            }
            if (!skip.contains("catchup")) {
                writer.catchUp(rebuildRate);
                settle(kafka);
            }
            if (!skip.contains("writer")) {
                SecondInstance second = writer.startSecond();
                try {
                    writer.secondStream(second, 100, freshnessSeconds);
                    settle(kafka);
                    writer.readsWhileWriting(load, 100, warmup, readSeconds);
                    settle(kafka);
                    second = writer.failover(second, 50, 40);
                } finally {
                    second.close();
                }
                settle(kafka);
            }
            if (!skip.contains("footprint")) {
                double jvm = Footprint.jvmStart();
                for (String s : SERVICES) {
                    double ready = footprint.restartToReady(root, s, ports.get(s), http);
                    System.out.printf(Locale.ROOT, "%s: start to ready %.2f s (java -version %.2f s)%n", s, ready, jvm);
                    row("ready." + s, s + " process start → ready", "s", "java -version", "≤ 3 s", (v, b) -> v <= 3).add(ready, jvm);
                }
            }
        }
        report(Path.of(opt("out")), events, postIds.size(), rate, threads);
    }

    /**
     * Waits (at most --settle-seconds, 600) until succession-service's consumer group has committed
     * every record on its topics, so that one phase's backlog is not measured by the next. The
     * consumers' own fetch lag is not enough: it is zero as soon as a backlog has been fetched, long
     * before it has been applied.
     */
    /** Waits until succession-service has applied every record on its topics; the seconds it took. */
    /**
     * Right after the seed imported the national stress set's history (bench/run --stress, once per state
     * folder): how long after its last import ended the view had applied every event (consumer lag 0, asked
     * every 200 ms), and then the reconciliation's differences. Measured once, as the seeding happens once.
     */
    private void seededHistory(Http http, Urls urls, KafkaBaselines kafka, Instant importEnded) throws Exception {
        long lag = awaitApplied(kafka, 200);
        double seconds = lag == 0 ? Duration.between(importEnded, Instant.now()).toMillis() / 1e3 : Double.NaN;
        long events = kafka.records("vacancy-events") + kafka.records("candidate-events");
        JsonNode reconciled = http.getJson(urls.succession() + "/api/v1/succession/reconciliation");
        System.out.printf(Locale.ROOT, "history imported by the seed: %d events on the topics; the view caught up %s after the last import "
                        + "ended; reconciliation: %d posts, %d candidates, %d differences%n", events,
                lag == 0 ? String.format(Locale.ROOT, "%.1f s", seconds) : "not within the settle time (lag " + lag + ")",
                reconciled.path("posts").asInt(), reconciled.path("candidates").asInt(), reconciled.path("differenceCount").asInt());
        row("history.events", "Events the seed's imports of the history made (both topics)", "events", "", "", null).add(events, Double.NaN);
        row("history.caught-up", "The view caught up after the history's import (from its end to consumer lag 0)", "s", "", "", null)
                .add(seconds, Double.NaN);
        row("history.reconciliation", "Differences the reconciliation finds after the history's import", "", "", "0", (v, b) -> v == 0)
                .add(reconciled.path("differenceCount").asDouble(), Double.NaN);
    }

    /**
     * Asks every {@code pollMillis} how many records on the event topics succession-service has not yet
     * applied, until none are or --settle-seconds pass; returns the last answer (-1: the broker did not answer).
     */
    private long awaitApplied(KafkaBaselines kafka, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + num("settle-seconds", 600) * 1_000_000_000L;
        long lag = -1;
        while (System.nanoTime() < deadline) {
            try {
                lag = kafka.uncommitted("succession-service", List.of("vacancy-events", "candidate-events"));
            } catch (Exception e) {
                lag = -1;
            }
            if (lag == 0) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        return lag;
    }

    private double settle(KafkaBaselines kafka) throws InterruptedException {
        long start = System.nanoTime();
        long lag = awaitApplied(kafka, 1000);
        System.out.printf(Locale.ROOT, "settled in %.0f s (succession-service records not yet applied: %s)%n", (System.nanoTime() - start) / 1e9,
                lag == 0 ? "0" : lag + ", not caught up, measuring anyway");
        return lag == 0 ? (System.nanoTime() - start) / 1e9 : Double.NaN;
    }

    private void capacity(Http http, Urls urls, List<String> candidateIds, int run) throws Exception {
        String url = urls.succession() + "/api/v1/succession/capacity";
        String trivial = urls.succession() + "/q/health/live";
        http.getJson(url);
        List<Double> cached = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            http.getJson(url);
            cached.add((System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            http.status(trivial);
            base.add((System.nanoTime() - t0) / 1e6);
        }
        // Recomputed: change who counts (a candidate's readiness), then the first answer at the new view version.
        List<Double> recomputed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long before = http.getJson(url).path("viewVersion").asLong();
            String candidate = candidateIds.get((run * 7 + i) % candidateIds.size());
            String level = (run + i) % 2 == 0 ? "READY_NOW" : "READY_1_2_YEARS";
            http.send(http.json("PUT", urls.candidate() + "/api/v1/candidates/" + candidate + "/readiness",
                    Map.of("role", "CHIEF_EXECUTIVE", "level", level, "assessedOn", LocalDate.now().toString(), "assessedBy", "bench")), 200);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                JsonNode answer = http.getJson(url);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (answer.path("viewVersion").asLong() != before) {
                    recomputed.add(ms);
                    break;
                }
                Thread.sleep(20);
            }
        }
        double c = Stats.median(cached);
        double b = Stats.median(base);
        double rc = Stats.median(recomputed);
        System.out.printf(Locale.ROOT, "capacity: cached %.1f ms, recomputed %.1f ms (%d of 5 saw a new view version); /q/health/live %.1f ms%n",
                c, rc, recomputed.size(), b);
        row("capacity.cached", "Consequence capacity, national, cached (median of 21)", "ms", "/q/health/live, one call", "", null).add(c, b);
        row("capacity.recomputed", "Consequence capacity, national, recomputed after a change (median of 5)", "ms", "/q/health/live, one call", "", null)
                .add(rc, b);
    }

    private JsonNode rebuild(Http http, Urls urls) throws InterruptedException {
        String url = urls.succession() + "/api/v1/succession/rebuild";
        http.send(http.request(url).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), 202);
        while (true) {
            Thread.sleep(500);
            JsonNode p = http.getJson(url);
            String state = p.path("state").asText();
            if (!"RUNNING".equals(state)) {
                if (!"DONE".equals(state)) {
                    throw new IllegalStateException("rebuild " + state + ": " + p.path("error").asText());
                }
                return p;
            }
        }
    }

    private void report(Path out, long events, int posts, int rate, int threads) throws Exception {
        Files.createDirectories(out);
        String machine = String.format(Locale.ROOT, "%d cores, load average %.1f at the end, Java %s, %s",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        ObjectNode json = Http.JSON.createObjectNode();
        json.put("finishedAt", Instant.now().toString());
        json.put("machine", machine);
        json.put("runs", runs);
        json.put("postsInView", posts);
        json.put("eventsOnTopics", events);
        json.put("writeRate", rate);
        json.put("loadThreads", threads);
        ArrayNode figures = json.putArray("figures");
        Map<String, Double> before = new HashMap<>();
        String beforeLabel = options.get("compare-label");
        if (options.containsKey("compare")) {
            JsonNode earlier = Http.JSON.readTree(Files.readString(Path.of(options.get("compare"))));
            earlier.path("figures").forEach(f -> before.put(f.path("key").asText(), f.path("value").asDouble(Double.NaN)));
            if (beforeLabel == null) {
                beforeLabel = earlier.path("label").asText("before");
            }
            json.put("comparedWith", options.get("compare"));
        }
        json.put("label", options.getOrDefault("label", ""));
        StringBuilder md = new StringBuilder();
        boolean compared = !before.isEmpty();
        String beforeHead = compared ? beforeLabel : "";
        md.append("| figure | median | unit | baseline | baseline median | ratio | target | verdict | runs |" + (compared ? " " + beforeHead + " |" : "") + "\n");
        md.append("| --- | ---: | --- | --- | ---: | ---: | --- | --- | --- |" + (compared ? " ---: |" : "") + "\n");
        StringBuilder table = new StringBuilder();
        String fmt = "%-72s %10s %-9s %10s %8s  %-26s %-12s %s%n";
        table.append(String.format(Locale.ROOT, fmt, "figure", "median", "unit", "baseline", "ratio", "target", "verdict", beforeHead));
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            double v = row.value();
            double b = row.baseline();
            double ratio = Double.isNaN(b) || b == 0 ? Double.NaN : v / b;
            ObjectNode f = figures.addObject();
            f.put("key", entry.getKey());
            f.put("figure", row.figure);
            f.put("unit", row.unit);
            f.put("value", v);
            f.putPOJO("runs", row.values);
            f.put("baseline", row.baselineName);
            f.put("baselineValue", b);
            f.putPOJO("baselineRuns", row.baselines);
            f.put("ratio", ratio);
            f.put("target", row.target);
            f.put("verdict", row.verdict());
            String runsText = row.values.stream().map(BenchMain::num).reduce((a, c) -> a + " / " + c).orElse("");
            String then = compared ? num(before.getOrDefault(entry.getKey(), Double.NaN)) : "";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%s%n", row.figure, num(v), row.unit,
                    row.baselineName, num(b), ratio(ratio), row.target, row.verdict(), runsText, compared ? " " + then + " |" : ""));
            table.append(String.format(Locale.ROOT, fmt, row.figure, num(v), row.unit, num(b), ratio(ratio), row.target, row.verdict(), then));
        }
        String header = String.format(Locale.ROOT, "Understudy bench, %s: %d posts in the view, %d events on the topics, median of %d runs; %s%n",
                Instant.now(), posts, events, runs, machine);
        Files.writeString(out.resolve("bench.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Files.writeString(out.resolve("bench.md"), "# Bench results\n\n" + header + "\n" + md);
        System.out.println();
        System.out.print(header);
        System.out.print(table);
        System.out.println("Written: " + out.resolve("bench.json") + " and " + out.resolve("bench.md"));
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
