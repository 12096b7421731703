package org.understudy.seed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generate-pipeline command's client logic against the in-memory stand-in (FakeServices). */
class GeneratePipelineCommandTest {
    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void theSameSeedMakesTheSameCallsInTheSameOrder() throws IOException {
        List<String> first = generate(42, 150);
        List<String> second = generate(42, 150);
        assertEquals(first, second);
        assertNotEquals(first, generate(43, 150));
    }

    @Test
    void everyPlannedWriteIsMadeAndNominationsWaitForTheirPost() throws IOException {
        try (FakeServices fake = new FakeServices()) {
            assertEquals(0, run("import-trusts", "--vacancy-url", fake.url()).status);
            long before = fake.writes();
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--seed", "5", "--candidates", "300");
            assertEquals(0, r.status, r.out);
            assertTrue(r.out.contains("refused 0, skipped 0"), r.out);
            Matcher planned = Pattern.compile("\\((\\d+) writes\\)").matcher(r.out);
            assertTrue(planned.find(), r.out);
            Matcher retried = Pattern.compile("retried while a post was not yet known (\\d+)").matcher(r.out);
            assertTrue(retried.find(), r.out);
            long retries = Long.parseLong(retried.group(1));
            assertTrue(retries > 0, "the stand-in refuses each post once, as while its event is in flight");
            // The import leaves segments unset: the plan sets each organisation's, one write each.
            assertEquals(Long.parseLong(planned.group(1)) + retries, fake.writes() - before, r.out);
            assertTrue(fake.organisations.values().stream().allMatch(o -> o.path("oversightSegment").isInt()), r.out);
            assertEquals(300, fake.candidates.size());
            assertTrue(fake.candidates.values().stream().allMatch(c -> c.path("email").asText().endsWith("@example.invalid")));
            assertTrue(fake.organisations.values().stream().anyMatch(o -> o.path("oversightSegment").asInt() == 4));
            assertTrue(fake.vacancies.size() > 10);
            // Vacancies come in with the days they were advertised, their applications with the days they came in.
            java.time.LocalDate today = java.time.LocalDate.now();
            for (com.fasterxml.jackson.databind.JsonNode v : fake.vacancies.values()) {
                java.time.LocalDate advertised = java.time.LocalDate.parse(v.path("firstAdvertisedOn").asText());
                assertTrue(advertised.isBefore(today.minusDays(2)), v.toString());
                for (com.fasterxml.jackson.databind.JsonNode a : v.path("applications")) {
                    java.time.LocalDate applied = java.time.LocalDate.parse(a.path("appliedOn").asText());
                    assertTrue(!applied.isBefore(advertised) && !applied.isAfter(today), v.toString());
                }
            }
            assertTrue(fake.vacancies.values().stream().anyMatch(v -> v.path("readverts").asInt() == 1), "some were advertised twice");
            // Run again: the pipeline is there, nothing is written.
            long after = fake.writes();
            Run again = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--candidates", "300");
            assertEquals(0, again.status);
            assertTrue(again.out.contains("already holds 300 candidates"), again.out);
            assertEquals(after, fake.writes());
        }
    }

    @Test
    void inParallelTheSameWritesAreMade() throws IOException {
        long sequential;
        try (FakeServices fake = new FakeServices()) {
            run("import-trusts", "--vacancy-url", fake.url());
            long before = fake.writes();
            assertEquals(0, run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--candidates", "200").status);
            sequential = fake.writes() - before;
        }
        try (FakeServices fake = new FakeServices()) {
            run("import-trusts", "--vacancy-url", fake.url());
            long before = fake.writes();
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--candidates", "200", "--parallel", "4");
            assertEquals(0, r.status, r.out);
            assertTrue(r.out.contains("refused 0, skipped 0"), r.out);
            assertEquals(sequential, fake.writes() - before);
            assertEquals(200, fake.candidates.size());
        }
    }

    @Test
    void withoutOrganisationsThereIsNothingToGenerateFor() throws IOException {
        try (FakeServices fake = new FakeServices()) {
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url());
            assertEquals(2, r.status);
            assertTrue(r.out.contains("run import-trusts first"), r.out);
        }
    }

    /** The calls generate-pipeline makes, with the ids the stand-in made up replaced by their order of appearance. */
    private static List<String> generate(long seed, int candidates) throws IOException {
        try (FakeServices fake = new FakeServices()) {
            run("import-trusts", "--vacancy-url", fake.url());
            int from = fake.calls.size();
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(),
                    "--seed", Long.toString(seed), "--candidates", Integer.toString(candidates));
            assertEquals(0, r.status, r.out);
            Map<String, String> ids = new HashMap<>();
            List<String> calls = new ArrayList<>();
            for (String call : fake.calls.subList(from, fake.calls.size())) {
                Matcher m = UUID_PATTERN.matcher(call);
                StringBuilder normalised = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(normalised, ids.computeIfAbsent(m.group(), k -> "id" + ids.size()));
                }
                m.appendTail(normalised);
                // Dates are relative to today: the same on both runs of a test.
                calls.add(normalised.toString());
            }
            return calls;
        }
    }

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = SeedMain.run(args, print, print, false);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
