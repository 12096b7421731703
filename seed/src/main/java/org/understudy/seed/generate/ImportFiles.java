package org.understudy.seed.generate;

import com.fasterxml.jackson.databind.JsonNode;
import org.understudy.seed.ApiClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sends rows to a service's import as NDJSON files and waits for each job to end. Rows come in groups
 * (a candidate's, a post's) that stay in one file, so that a file never splits what must be applied in
 * order; a file holds at most {@link #MAX_ROWS} rows, well under the services' size limit.
 */
final class ImportFiles {
    /** Rows per file: about 8 MB of the seed's widest rows. */
    static final int MAX_ROWS = 40_000;
    private static final List<String> ENDED = List.of("COMPLETED", "REJECTED", "FAILED");

    /** How one file's job ended. */
    record Job(int rows, String status, int created, int rejected, List<JsonNode> problems, String message) {
        boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private ImportFiles() {
    }

    /** The groups' rows cut into files of at most {@link #MAX_ROWS} rows, a group never split (a larger group is a file of its own). */
    static List<List<Map<String, Object>>> files(List<List<Map<String, Object>>> groups) {
        List<List<Map<String, Object>>> files = new ArrayList<>();
        List<Map<String, Object>> file = new ArrayList<>();
        for (List<Map<String, Object>> group : groups) {
            if (!file.isEmpty() && file.size() + group.size() > MAX_ROWS) {
                files.add(file);
                file = new ArrayList<>();
            }
            file.addAll(group);
        }
        if (!file.isEmpty()) {
            files.add(file);
        }
        return files;
    }

    /**
     * Imports one file and waits for its job. While every refused row is refused only for a reason the
     * service will get over ({@code passing}, e.g. a post it has not heard of yet) the same file is sent
     * again, until {@code waitMillis} have passed: the rows stored the first time count as unchanged.
     */
    static Job send(ApiClient client, String kind, List<Map<String, Object>> rows, Predicate<JsonNode> passing, long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        byte[] file = ndjson(rows);
        int created = 0;
        while (true) {
            Job job = once(client, kind, rows.size(), file);
            created += job.created();
            boolean retry = job.rejected() > 0 && job.rejected() == job.problems().size() && job.problems().stream().allMatch(passing)
                    && System.currentTimeMillis() < deadline;
            if (!retry) {
                return new Job(job.rows(), job.status(), created, job.rejected(), job.problems(), job.message());
            }
            sleep(1000);
        }
    }

    private static Job once(ApiClient client, String kind, int rows, byte[] file) {
        ApiClient.Response r = client.postFile("/api/v1/imports/" + kind, "application/x-ndjson", file);
        if (r.status() != 202) {
            return new Job(rows, "REFUSED", 0, rows, List.of(), r.problem());
        }
        JsonNode job = r.body();
        String path = "/api/v1/imports/" + kind + "/" + job.path("id").asText();
        while (!ENDED.contains(job.path("status").asText())) {
            sleep(200);
            ApiClient.Response polled = client.get(path);
            if (polled.ok()) {
                job = polled.body();
            }
        }
        List<JsonNode> problems = new ArrayList<>();
        job.path("problems").forEach(problems::add);
        return new Job(rows, job.path("status").asText(), job.path("created").asInt(), job.path("rejected").asInt(), problems,
                job.path("message").asText(""));
    }

    private static byte[] ndjson(List<Map<String, Object>> rows) {
        StringBuilder file = new StringBuilder();
        try {
            for (Map<String, Object> row : rows) {
                file.append(ApiClient.json().writeValueAsString(row)).append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Waits; an interruption ends the run as a service that stopped answering would. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiClient.ServiceUnreachableException("interrupted", e);
        }
    }
}
