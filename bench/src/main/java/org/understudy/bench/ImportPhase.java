package org.understudy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Import throughput of each service: a CSV file of new candidates through
 * {@code POST /api/v1/imports/candidates} and one of their dated readiness assessments through
 * {@code POST /api/v1/imports/readiness-assessments} (candidate-service), and one of new organisations through
 * {@code POST /api/v1/imports/organisations} (vacancy-service), each job watched to the end, beside the
 * baseline of the same kind of row written one call at a time ({@code POST /api/v1/candidates},
 * {@code PUT /api/v1/candidates/{id}/readiness}, {@code POST /api/v1/organisations}, from as many client
 * threads as the read loads use).
 */
final class ImportPhase {
    /**
     * @param rowsPerSecond  rows over the whole time, from sending the file (which the service reads and checks
     *                       before it answers) to the job seen finished
     * @param wallSeconds    that time
     * @param postsPerSecond single-row creations per second (the baseline)
     */
    record Result(int rows, int rejected, double rowsPerSecond, double wallSeconds, int posts, double postsPerSecond) {
    }

    private static final String[] REGIONS = {"LONDON", "SOUTH_EAST", "SOUTH_WEST", "EAST_OF_ENGLAND", "MIDLANDS", "NORTH_WEST",
            "NORTH_EAST_AND_YORKSHIRE"};

    private final Http http;
    private final Urls urls;

    ImportPhase(Http http, Urls urls) {
        this.http = http;
        this.urls = urls;
    }

    /** New candidates, to candidate-service. */
    Result candidates(int rows, int posts, int threads, String tag) throws Exception {
        double postsPerSecond = baseline(posts, threads, i -> http.json("POST", urls.candidate() + "/api/v1/candidates", Map.of(
                "name", "Posted Candidate " + i, "email", "posted." + tag + "." + i + "@bench.example",
                "currentJobTitle", "Director of Strategy",
                "mobility", Map.of("regions", List.of("LONDON"), "organisationTypes", List.of("ACUTE")))));
        StringBuilder csv = new StringBuilder("key,name,email,currentJobTitle,regions,organisationTypes\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "BENCH-%s-%d,Imported Candidate %d,imported.%s.%d@bench.example,Director of Strategy,%s,ACUTE%n",
                    tag, i, i, tag, i, i % 2 == 0 ? "LONDON;SOUTH_EAST" : "NORTH_WEST"));
        }
        return imported(urls.candidate(), "candidates", csv, rows, posts, threads, postsPerSecond);
    }

    /**
     * Dated readiness assessments of the candidates {@link #candidates} imported with the same tag, five each
     * over the last four years (two roles, oldest first), to candidate-service; the baseline is the same
     * write through the API, {@code PUT /api/v1/candidates/{id}/readiness}, on the loaded candidates.
     */
    Result assessments(int rows, int posts, int threads, String tag, List<String> candidateIds) throws Exception {
        double postsPerSecond = baseline(posts, threads, i -> http.json("PUT", urls.candidate() + "/api/v1/candidates/"
                + candidateIds.get(i % candidateIds.size()) + "/readiness", Map.of("role", "CHIEF_EXECUTIVE", "level", "READY_NOW",
                "assessedOn", LocalDate.now().toString(), "assessedBy", "bench")), 200);
        String[] levels = {"NOT_READY", "READY_3_PLUS", "READY_1_2_YEARS", "READY_NOW", "READY_NOW"};
        StringBuilder csv = new StringBuilder("key,candidateKey,role,level,assessedOn,assessedBy\n");
        LocalDate today = LocalDate.now();
        for (int i = 0; i < rows; i++) {
            int candidate = i / 5;
            int k = i % 5;
            csv.append("BENCH-").append(tag).append('-').append(candidate).append("-readiness-").append(k).append(",BENCH-").append(tag)
                    .append('-').append(candidate).append(',').append(k % 2 == 0 ? "CHAIR" : "CHIEF_EXECUTIVE").append(',').append(levels[k])
                    .append(',').append(today.minusDays(30 + (4 - k) * 300L + candidate % 90)).append(",Talent board\n");
        }
        return imported(urls.candidate(), "readiness-assessments", csv, rows, posts, threads, postsPerSecond);
    }

    /**
     * New organisations, to vacancy-service: five-character codes from V0000 to ZZZZZ (no real trust or board
     * has one), a block of them at random for each run, the single creations' codes right after the file's.
     */
    Result organisations(int rows, int posts, int threads) throws Exception {
        int space = 5 * 36 * 36 * 36 * 36;
        int first = java.util.concurrent.ThreadLocalRandom.current().nextInt(space - rows - posts);
        double postsPerSecond = baseline(posts, threads, i -> http.json("POST", urls.vacancy() + "/api/v1/organisations", Map.of(
                "odsCode", code(first + rows + i), "name", "Posted Bench Trust " + i, "region", REGIONS[i % REGIONS.length],
                "organisationType", "ACUTE", "foundationTrust", true)));
        StringBuilder csv = new StringBuilder("key,odsCode,name,region,organisationType,foundationTrust\n");
        for (int i = 0; i < rows; i++) {
            String code = code(first + i);
            csv.append(code).append(',').append(code).append(",Imported Bench Trust ").append(i).append(',')
                    .append(REGIONS[i % REGIONS.length]).append(",ACUTE,true\n");
        }
        return imported(urls.vacancy(), "organisations", csv, rows, posts, threads, postsPerSecond);
    }

    /** The n-th code from V0000 on. */
    private static String code(int n) {
        String rest = Integer.toString(n % (36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        return (char) ('V' + n / (36 * 36 * 36 * 36)) + "0".repeat(4 - rest.length()) + rest;
    }

    private Result imported(String service, String kind, StringBuilder csv, int rows, int posts, int threads, double postsPerSecond)
            throws Exception {
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        JsonNode job = http.send(http.request(service + "/api/v1/imports/" + kind).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), 202);
        String url = service + "/api/v1/imports/" + kind + "/" + job.path("id").asText();
        while (!List.of("COMPLETED", "REJECTED", "FAILED").contains(job.path("status").asText())) {
            Thread.sleep(250);
            job = http.getJson(url);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "import: %d %s (%.1f MB) %s in %.1f s from sending the file: %.0f rows/s (the job alone: "
                        + "%.0f rows/s), created %d, rejected %d; baseline %d single calls (%d threads): %.0f rows/s%n",
                rows, kind, file.length / 1e6, job.path("status").asText(), wall, rows / wall, job.path("rowsPerSecond").asDouble(),
                job.path("created").asInt(), job.path("rejected").asInt(), posts, threads, postsPerSecond);
        return new Result(rows, job.path("rejected").asInt(), rows / wall, wall, posts, postsPerSecond);
    }

    private double baseline(int posts, int threads, IntFunction<HttpRequest> request) throws Exception {
        return baseline(posts, threads, request, 201);
    }

    private double baseline(int posts, int threads, IntFunction<HttpRequest> request, int status) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
                        http.send(request.apply(i), status);
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
