package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Import throughput: a CSV file of new candidates through {@code POST /api/v1/imports/candidates}, its
 * job watched to the end, beside the baseline of the same kind of row registered one call at a time
 * ({@code POST /api/v1/candidates}, from as many client threads as the read loads use).
 */
final class ImportPhase {
    /**
     * @param rowsPerSecond  rows over the whole time, from sending the file (which the service reads and checks
     *                       before it answers) to the job seen finished
     * @param wallSeconds    that time
     * @param postsPerSecond single-row registrations per second (the baseline)
     */
    record Result(int rows, int rejected, double rowsPerSecond, double wallSeconds, int posts, double postsPerSecond) {
    }

    private final Http http;
    private final Urls urls;

    ImportPhase(Http http, Urls urls) {
        this.http = http;
        this.urls = urls;
    }

    Result run(int rows, int posts, int threads, String tag) throws Exception {
        double postsPerSecond = baseline(posts, threads, tag);
        StringBuilder csv = new StringBuilder("key,name,email,currentJobTitle,regions,organisationTypes\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "BENCH-%s-%d,Imported Candidate %d,imported.%s.%d@bench.example,Director of Strategy,%s,ACUTE%n",
                    tag, i, i, tag, i, i % 2 == 0 ? "LONDON;SOUTH_EAST" : "NORTH_WEST"));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        JsonNode job = http.send(http.request(urls.candidate() + "/api/v1/imports/candidates").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), 202);
        String url = urls.candidate() + "/api/v1/imports/candidates/" + job.path("id").asText();
        while (!List.of("COMPLETED", "REJECTED", "FAILED").contains(job.path("status").asText())) {
            Thread.sleep(250);
            job = http.getJson(url);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "import: %d rows (%.1f MB) %s in %.1f s from sending the file: %.0f rows/s (the job alone: "
                        + "%.0f rows/s), created %d, rejected %d; baseline %d single POST /api/v1/candidates (%d threads): %.0f rows/s%n",
                rows, file.length / 1e6, job.path("status").asText(), wall, rows / wall, job.path("rowsPerSecond").asDouble(),
                job.path("created").asInt(), job.path("rejected").asInt(), posts, threads, postsPerSecond);
        return new Result(rows, job.path("rejected").asInt(), rows / wall, wall, posts, postsPerSecond);
    }

    private double baseline(int posts, int threads, String tag) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
                        http.send(http.json("POST", urls.candidate() + "/api/v1/candidates", java.util.Map.of(
                                "name", "Posted Candidate " + i, "email", "posted." + tag + "." + i + "@bench.example",
                                "currentJobTitle", "Director of Strategy",
                                "mobility", java.util.Map.of("regions", List.of("LONDON"), "organisationTypes", List.of("ACUTE")))), 201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return posts / ((System.nanoTime() - start) / 1e9);
    }
}
