package org.understudy.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void throughImportsTheSameRecordsComeInWithTheirDates() throws IOException {
        List<String> calls;
        try (FakeServices fake = new FakeServices()) {
            run("import-trusts", "--vacancy-url", fake.url());
            int from = fake.calls.size();
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--candidates", "300", "--history");
            assertEquals(0, r.status, r.out);
            calls = List.copyOf(fake.calls.subList(from, fake.calls.size()));
        }
        try (FakeServices fake = new FakeServices()) {
            run("import-trusts", "--vacancy-url", fake.url());
            Run r = run("generate-pipeline", "--vacancy-url", fake.url(), "--candidate-url", fake.url(), "--candidates", "300", "--history",
                    "--through-imports", "--parallel", "4");
            assertEquals(0, r.status, r.out);
            // The stand-in refuses the rows naming its first posts once: they are imported again and not refused.
            assertTrue(r.out.contains("refused 0, skipped 0"), r.out);
            assertEquals(300, fake.candidates.size());
            assertEquals(300, fake.imported.get("candidates").size());
            // Each record the calls write is a row, with the same dates.
            assertEquals(sorted(bodies(calls, "PUT", "/readiness"), "role", "level", "assessedOn", "assessedBy"),
                    sorted(fake.imported.get("readiness-assessments"), "role", "level", "assessedOn", "assessedBy"));
            assertEquals(sorted(bodies(calls, "PUT", "/fit-and-proper"), "status", "checkedOn"),
                    sorted(fake.imported.get("fit-and-proper-checks"), "status", "checkedOn"));
            assertEquals(sorted(bodies(calls, "POST", "/exits"), "date", "reason", "odsCode", "role"),
                    sorted(fake.imported.get("career-exits"), "date", "reason", "odsCode", "role"));
            assertEquals(sorted(bodies(calls, "POST", "/nominations"), "readiness"), sorted(fake.imported.get("nominations"), "readiness"));
            // Named over the last six months (through the API: today), well within the 18 months a nomination counts.
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            List<LocalDate> named = fake.imported.get("nominations").stream().map(n -> LocalDate.parse(n.path("nominatedOn").asText())).toList();
            assertTrue(named.stream().allMatch(d -> !d.isAfter(today) && d.isAfter(today.minusDays(184))), named.toString());
            assertTrue(named.stream().distinct().count() > 30, "spread over the months: " + named);
            // The holders: each from the day the calls set them; each left on the day, and for the reason, the calls record.
            List<JsonNode> incumbents = bodies(calls, "PUT", "/incumbent");
            List<JsonNode> departures = bodies(calls, "POST", "/incumbent/departure");
            List<JsonNode> held = fake.imported.get("incumbencies");
            assertEquals(sorted(incumbents, "since", "interim"), sorted(held, "since", "interim"));
            List<String> left = new ArrayList<>();
            incumbents.stream().filter(i -> i.has("previousLeftBecause")).forEach(i -> left.add(i.path("since").asText() + " " + i.path("previousLeftBecause").asText()));
            departures.forEach(d -> left.add(d.path("date").asText() + " " + d.path("reason").asText()));
            List<String> until = new ArrayList<>();
            held.stream().filter(i -> i.has("until")).forEach(i -> until.add(i.path("until").asText() + " " + i.path("reasonLeft").asText()));
            left.sort(null);
            until.sort(null);
            assertEquals(left, until);
            assertTrue(fake.vacancies.size() > 10);
        }
    }

    /** The JSON bodies of the calls with this method whose path ends so (a call made again right after, as when refused, once). */
    private static List<JsonNode> bodies(List<String> calls, String method, String pathEnd) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String call = calls.get(i);
            if (i + 1 < calls.size() && calls.get(i + 1).equals(call)) {
                continue;
            }
            int space = call.indexOf(' ', method.length() + 1);
            if (call.startsWith(method + " ") && space > 0 && call.substring(0, space).endsWith(pathEnd)) {
                bodies.add(JSON.readTree(call.substring(space + 1)));
            }
        }
        return bodies;
    }

    /** Each body's fields, joined, sorted: the records whatever their order and ids. */
    private static List<String> sorted(List<JsonNode> bodies, String... fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : bodies) {
            StringBuilder line = new StringBuilder();
            for (String f : fields) {
                line.append(b.path(f).asText("")).append('|');
            }
            out.add(line.toString());
        }
        out.sort(null);
        return out;
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
