package org.understudy.seed.generate;

import com.fasterxml.jackson.databind.JsonNode;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.seed.ApiClient;
import org.understudy.seed.Progress;
import org.understudy.seed.generate.PipelinePlan.Assessment;
import org.understudy.seed.generate.PipelinePlan.CandidatePlan;
import org.understudy.seed.generate.PipelinePlan.ExitPlan;
import org.understudy.seed.generate.PipelinePlan.FitCheck;
import org.understudy.seed.generate.PipelinePlan.NominationPlan;
import org.understudy.seed.generate.PipelinePlan.OrganisationPlan;
import org.understudy.seed.generate.PipelinePlan.PostKey;
import org.understudy.seed.generate.PipelinePlan.PostPlan;
import org.understudy.seed.generate.PipelinePlan.RecruitmentPlan;
import org.understudy.seed.generate.PipelinePlan.Stage;
import org.understudy.seed.generate.PipelinePlan.Tenure;
import org.understudy.seed.generate.PipelinePlan.VacancyPlan;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Carries out a {@link PipelinePlan} through the services' public HTTP APIs, one call after the
 * other in the plan's order (so the same plan makes the same calls in the same order), or with
 * {@link #throughImports(boolean)} as import files, a file per kind of record. It never
 * touches a database or Kafka. A refused call is reported and counted, and what depends on it is
 * skipped; a service that stops answering ends the run ({@link ApiClient.ServiceUnreachableException}).
 */
public final class PipelineExecutor {
    private static final int MESSAGES_SHOWN = 25;
    /** How long a nomination or an exit naming a post is retried while candidate-service has not yet learnt of the post. */
    private static final long KNOWN_POST_WAIT_MILLIS = 30_000;
    /** Imported nominations are dated over this many days before today. */
    private static final int NOMINATED_WITHIN_DAYS = 183;
    private static final Predicate<JsonNode> NOTHING_PASSES = problem -> false;
    /** A row naming a post candidate-service has not heard of yet (its event is in flight): imported again a moment later. */
    private static final Predicate<JsonNode> POST_NOT_YET_KNOWN = problem -> "postId".equals(problem.path("field").asText());

    /** What the services hold before generating: the organisations, and each post's id and whether it is held. */
    public record Existing(List<PipelinePlan.Organisation> organisations, Map<String, JsonNode> organisationBodies,
                           Map<PostKey, UUID> postIds, Map<PostKey, Boolean> postHeld, long candidates) {
    }

    /** What a run did: counts per kind of write, failures, seconds, HTTP calls. */
    public record Summary(Map<String, Integer> created, int failures, int skipped, int retries, double seconds, long calls) {
    }

    private final ApiClient vacancy;
    private final ApiClient candidate;
    private final PrintStream out;
    private final boolean terminal;
    private final LocalDate today;
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<Integer, UUID> candidateIds = new java.util.concurrent.ConcurrentHashMap<>();
    private int failures;
    private int skipped;
    private int retries;
    private boolean postsNotArriving;
    private final java.util.concurrent.atomic.AtomicInteger candidatesDone = new java.util.concurrent.atomic.AtomicInteger();
    private int parallel = 1;
    private boolean throughImports;
    private Progress progress;

    public PipelineExecutor(ApiClient vacancy, ApiClient candidate, PrintStream out, boolean terminal, LocalDate today) {
        this.vacancy = vacancy;
        this.candidate = candidate;
        this.out = out;
        this.terminal = terminal;
        this.today = today;
    }

    /** Reads the organisations and posts from vacancy-service, and how many candidates candidate-service holds. */
    public Existing discover() {
        List<PipelinePlan.Organisation> organisations = new ArrayList<>();
        Map<String, JsonNode> bodies = new HashMap<>();
        for (JsonNode o : pages(vacancy, "/api/v1/organisations?sort=odsCode")) {
            String code = o.path("odsCode").asText();
            organisations.add(new PipelinePlan.Organisation(code, Region.valueOf(o.path("region").asText()),
                    OrganisationType.valueOf(o.path("organisationType").asText())));
            bodies.put(code, o);
        }
        Map<PostKey, UUID> ids = new HashMap<>();
        Map<PostKey, Boolean> held = new HashMap<>();
        for (JsonNode p : pages(vacancy, "/api/v1/posts?sort=odsCode,role")) {
            BoardRole role;
            try {
                role = BoardRole.valueOf(p.path("role").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            PostKey key = new PostKey(p.path("odsCode").asText(), role);
            ids.put(key, UUID.fromString(p.path("postId").asText()));
            held.put(key, p.hasNonNull("incumbent"));
        }
        ApiClient.Response candidates = candidate.get("/api/v1/candidates?size=1");
        if (!candidates.ok()) {
            throw new ApiClient.ServiceUnreachableException("candidate-service: listing candidates failed: " + candidates.problem(), null);
        }
        return new Existing(organisations, bodies, ids, held, candidates.body().path("total").asLong());
    }

    private static List<JsonNode> pages(ApiClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            ApiClient.Response r = client.get(path + "&size=500&page=" + page);
            if (!r.ok()) {
                throw new ApiClient.ServiceUnreachableException(client.baseUrl() + path + ": " + r.problem(), null);
            }
            JsonNode list = r.body().path("items");
            list.forEach(items::add);
            if (list.size() < 500) {
                return items;
            }
        }
    }

    /**
     * Writes candidates on this many connections at once (default 1). With 1, the calls are made in
     * exactly the plan's order; with more, each candidate's calls keep their order but candidates
     * interleave. The data written is the same either way.
     */
    public PipelineExecutor parallel(int connections) {
        this.parallel = Math.max(1, connections);
        return this;
    }

    /**
     * Writes the candidates, their records, the posts' incumbencies, the exits and the nominations as import
     * files (the vacancies and applications always are) rather than a call per record: the same data but for
     * the nominations' days, each record under its own key and with its own date.
     */
    public PipelineExecutor throughImports(boolean on) {
        this.throughImports = on;
        return this;
    }

    private <T> void inParallel(List<T> items, java.util.function.Consumer<T> work) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.accept(item)));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiClient.ServiceUnreachableException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public Summary execute(PipelinePlan plan, Existing existing) {
        Map<PostKey, UUID> postIds = new HashMap<>(existing.postIds());
        int total = plan.candidates().size();
        progress = new Progress(out, terminal, "generate-pipeline", plan.writes(),
                () -> "candidates " + candidatesDone.get() + "/" + total + (failures > 0 ? ", failures " + failures : ""));

        // 1. Oversight segments.
        for (OrganisationPlan o : plan.organisations()) {
            JsonNode current = existing.organisationBodies().get(o.odsCode());
            if (current != null && current.path("oversightSegment").asInt(0) != o.oversightSegment()) {
                expect(vacancy.put("/api/v1/organisations/" + o.odsCode() + "/oversight-segment", Map.of("segment", o.oversightSegment())),
                        "oversight segments", "segment of " + o.odsCode());
            } else {
                progress.step(); // already in that segment: nothing to write
            }
        }

        if (throughImports) {
            importPeople(plan, existing, postIds);
        } else {
            callPeople(plan, existing, postIds);
        }

        // 6. Vacancies in play and completed recruitments, with their applications and shortlists, imported: with
        //    the days the adverts went out, the posts were filled and the applications came in (through the API
        //    each step would be dated today).
        vacancies(plan.vacancies(), plan.recruitments(), postIds);
        progress.finish();
        return new Summary(Map.copyOf(created), failures, skipped, retries, progress.seconds(), vacancy.calls() + candidate.calls());
    }

    /** Steps 2 to 5 through the write APIs, a call per record. */
    private void callPeople(PipelinePlan plan, Existing existing, Map<PostKey, UUID> postIds) {
        // 2. Candidates: registration, readiness (older first), fit and proper, exits from posts not tracked here.
        //    With parallel > 1 several candidates are written at once, each one's calls still in order.
        if (parallel <= 1) {
            for (CandidatePlan c : plan.candidates()) {
                register(c);
                candidatesDone.incrementAndGet();
            }
        } else {
            inParallel(plan.candidates(), c -> {
                register(c);
                candidatesDone.incrementAndGet();
            });
        }

        // 3. Incumbents, in date order per post.
        for (PostPlan p : plan.posts()) {
            UUID postId = postIds.get(p.key());
            if (leftAsItIs(p, postId, existing)) {
                continue;
            }
            incumbents(p, postId);
        }

        // 4. Exits from tracked posts (candidate-service must have learnt of the post), 5. nominations.
        for (CandidatePlan c : plan.candidates()) {
            for (ExitPlan x : c.exits()) {
                if (x.post() != null) {
                    trackedExit(c, x, postIds.get(x.post()));
                }
            }
        }
        for (NominationPlan n : plan.nominations()) {
            nominate(n, postIds.get(n.post()));
        }
    }

    /**
     * Steps 2 to 5 as import files, each record with its own key and dates: the candidates (their ids then
     * asked by key), their readiness assessments, fit and proper checks (the earlier ones, then the current
     * ones), the incumbencies of each post with the day and reason each holder left, the career exits and
     * the nominations (each named on a day of the last six months, spread by its key; through the API they are
     * named today). Rows naming a post candidate-service has not yet
     * heard of are imported again a moment later.
     */
    private void importPeople(PipelinePlan plan, Existing existing, Map<PostKey, UUID> postIds) {
        List<List<Map<String, Object>>> people = new ArrayList<>();
        List<List<Map<String, Object>>> assessments = new ArrayList<>();
        List<List<Map<String, Object>>> earlierChecks = new ArrayList<>();
        List<List<Map<String, Object>>> currentChecks = new ArrayList<>();
        List<List<Map<String, Object>>> exits = new ArrayList<>();
        for (CandidatePlan c : plan.candidates()) {
            String key = candidateKey(c.index());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            row.put("name", c.name());
            row.put("email", c.email());
            row.put("currentJobTitle", c.currentJobTitle());
            row.put("currentOrganisationOdsCode", c.currentOrganisationOdsCode());
            row.put("notes", c.notes());
            row.put("regions", c.regions().stream().map(Enum::name).toList());
            row.put("organisationTypes", c.organisationTypes().stream().map(Enum::name).toList());
            row.put("considersChallengedOrganisations", c.considersChallengedOrganisations());
            people.add(List.of(row));
            List<Map<String, Object>> assessed = new ArrayList<>();
            for (Assessment a : c.assessments()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("key", key + "-readiness-" + assessed.size());
                r.put("candidateKey", key);
                r.put("role", a.role().name());
                r.put("level", a.level().name());
                r.put("assessedOn", date(a.daysAgo()));
                r.put("assessedBy", a.assessedBy());
                assessed.add(r);
            }
            assessments.add(assessed);
            List<Map<String, Object>> checked = new ArrayList<>();
            for (FitCheck earlier : c.earlierChecks()) {
                checked.add(check(key + "-check-" + checked.size(), key, earlier));
            }
            earlierChecks.add(checked);
            currentChecks.add(List.of(check(key + "-check-current", key, c.fitAndProper())));
            List<Map<String, Object>> left = new ArrayList<>();
            for (ExitPlan x : c.exits()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("key", key + "-exit-" + left.size());
                r.put("candidateKey", key);
                if (x.post() == null) {
                    r.put("odsCode", x.odsCode());
                    r.put("role", x.role().name());
                } else if (postIds.get(x.post()) != null) {
                    r.put("postId", postIds.get(x.post()).toString());
                } else {
                    skip(1, "no " + x.post() + " post for the exit of " + c.name());
                    continue;
                }
                r.put("date", date(x.daysAgo()));
                r.put("reason", x.reason().name());
                left.add(r);
            }
            exits.add(left);
        }
        importAll(candidate, "candidates", people, NOTHING_PASSES);
        candidateIds(plan);
        importAll(candidate, "readiness-assessments", assessments, NOTHING_PASSES);
        importAll(candidate, "fit-and-proper-checks", earlierChecks, NOTHING_PASSES);
        importAll(candidate, "fit-and-proper-checks", currentChecks, NOTHING_PASSES);
        importAll(vacancy, "incumbencies", incumbencies(plan, existing, postIds), NOTHING_PASSES);
        importAll(candidate, "career-exits", exits, POST_NOT_YET_KNOWN);
        List<List<Map<String, Object>>> nominations = new ArrayList<>();
        for (NominationPlan n : plan.nominations()) {
            UUID postId = postIds.get(n.post());
            if (postId == null || candidateIds.get(n.candidate()) == null) {
                skip(1, postId == null ? "no " + n.post() + " post to nominate for" : null);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            String key = candidateKey(n.candidate()) + "-nomination-" + n.post().odsCode() + "-" + n.post().role();
            r.put("key", key);
            r.put("candidateKey", candidateKey(n.candidate()));
            r.put("postId", postId.toString());
            r.put("readiness", n.readiness().name());
            // Well within the time a named successor's readiness counts: the live numbers are the same as through the API.
            r.put("nominatedOn", date(Math.floorMod(key.hashCode(), NOMINATED_WITHIN_DAYS)));
            nominations.add(List.of(r));
        }
        importAll(candidate, "nominations", nominations, POST_NOT_YET_KNOWN);
    }

    /** True (and its writes skipped) when the post is not in vacancy-service or already has an incumbent. */
    private boolean leftAsItIs(PostPlan p, UUID postId, Existing existing) {
        if (postId != null && !Boolean.TRUE.equals(existing.postHeld().get(p.key()))) {
            return false;
        }
        skip(writes(p), postId == null ? "no " + p.key() + " post in vacancy-service" : p.key() + " already has an incumbent; its history is left as it is");
        return true;
    }

    private static long writes(PostPlan p) {
        return p.tenures().size() + (p.departure() == null ? 0 : 1);
    }

    /** Each post's holders, oldest first: from {@code since} until the next one took over (or the post fell vacant), and why they left. */
    private List<List<Map<String, Object>>> incumbencies(PipelinePlan plan, Existing existing, Map<PostKey, UUID> postIds) {
        List<List<Map<String, Object>>> posts = new ArrayList<>();
        for (PostPlan p : plan.posts()) {
            UUID postId = postIds.get(p.key());
            if (leftAsItIs(p, postId, existing)) {
                continue;
            }
            List<Map<String, Object>> held = new ArrayList<>();
            for (int i = 0; i < p.tenures().size(); i++) {
                Tenure t = p.tenures().get(i);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("key", "seed-incumbency-" + p.key().odsCode() + "-" + p.key().role() + "-" + i);
                r.put("postId", postId.toString());
                if (!holder(t, r)) {
                    skip(writes(p), p.key() + ": its holder was not registered");
                    held = null;
                    break;
                }
                r.put("since", date(t.sinceDaysAgo()));
                r.put("interim", t.interim());
                if (i + 1 < p.tenures().size()) {
                    r.put("until", date(p.tenures().get(i + 1).sinceDaysAgo()));
                    r.put("reasonLeft", p.tenures().get(i + 1).previousLeftBecause().name());
                } else if (p.departure() != null) {
                    r.put("until", date(p.departure().daysAgo()));
                    r.put("reasonLeft", p.departure().reason().name());
                }
                held.add(r);
            }
            if (held != null) {
                posts.add(held);
                progress.advance(p.departure() == null ? 0 : 1); // the last holder's row says when they left
            }
        }
        return posts;
    }

    /** Names the tenure's holder in a body or row: their candidate id, or their name; false when the candidate was not registered. */
    private boolean holder(Tenure t, Map<String, Object> into) {
        if (!t.holder().isCandidate()) {
            into.put("name", t.holder().name());
            return true;
        }
        UUID id = candidateIds.get(t.holder().candidate());
        if (id != null) {
            into.put("candidateId", id.toString());
        }
        return id != null;
    }

    private Map<String, Object> check(String key, String candidateKey, FitCheck check) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("key", key);
        r.put("candidateKey", candidateKey);
        r.put("status", check.status().name());
        if (check.daysAgo() != null) {
            r.put("checkedOn", date(check.daysAgo()));
        }
        return r;
    }

    private static String candidateKey(int index) {
        return "seed-candidate-" + index;
    }

    /** Imports the groups' rows in files (a group never split), one file after the other. */
    private void importAll(ApiClient client, String kind, List<List<Map<String, Object>>> groups, Predicate<JsonNode> passing) {
        for (List<Map<String, Object>> file : ImportFiles.files(groups)) {
            imported(client, kind, file, passing);
            progress.advance(file.size());
        }
    }

    /** The id candidate-service gave each imported candidate, asked by key ({@code parallel} at a time). */
    private void candidateIds(PipelinePlan plan) {
        inParallel(plan.candidates(), c -> {
            ApiClient.Response r = candidate.get("/api/v1/imports/candidates/keys/" + candidateKey(c.index()));
            if (r.ok()) {
                candidateIds.put(c.index(), UUID.fromString(r.body().path("id").asText()));
                candidatesDone.incrementAndGet();
            }
        });
    }

    private void register(CandidatePlan c) {
        Map<String, Object> mobility = new LinkedHashMap<>();
        mobility.put("regions", c.regions().stream().map(Enum::name).toList());
        mobility.put("organisationTypes", c.organisationTypes().stream().map(Enum::name).toList());
        mobility.put("considersChallengedOrganisations", c.considersChallengedOrganisations());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", c.name());
        body.put("email", c.email());
        body.put("currentJobTitle", c.currentJobTitle());
        body.put("currentOrganisationOdsCode", c.currentOrganisationOdsCode());
        body.put("notes", c.notes());
        body.put("mobility", mobility);
        ApiClient.Response r = candidate.post("/api/v1/candidates", body);
        progress.step();
        if (r.status() != 201) {
            fail("registering " + c.name() + ": " + r.problem());
            long rest = 1 + c.assessments().size() + c.earlierChecks().size() + c.exits().stream().filter(x -> x.post() == null).count();
            skip(rest, null);
            return;
        }
        count("candidates");
        UUID id = UUID.fromString(r.body().path("candidateId").asText());
        candidateIds.put(c.index(), id);
        String base = "/api/v1/candidates/" + id;
        for (Assessment a : c.assessments()) {
            Map<String, Object> readiness = new LinkedHashMap<>();
            readiness.put("role", a.role().name());
            readiness.put("level", a.level().name());
            readiness.put("assessedOn", date(a.daysAgo()));
            readiness.put("assessedBy", a.assessedBy());
            expect(candidate.put(base + "/readiness", readiness), "readiness assessments", "readiness of " + c.name());
        }
        for (FitCheck earlier : c.earlierChecks()) {
            fitAndProper(base, c, earlier);
        }
        fitAndProper(base, c, c.fitAndProper());
        for (ExitPlan x : c.exits()) {
            if (x.post() == null) {
                Map<String, Object> exit = new LinkedHashMap<>();
                exit.put("odsCode", x.odsCode());
                exit.put("role", x.role().name());
                exit.put("date", date(x.daysAgo()));
                exit.put("reason", x.reason().name());
                expect(candidate.post(base + "/exits", exit), "exits", "exit of " + c.name());
            }
        }
    }

    private void fitAndProper(String base, CandidatePlan c, FitCheck check) {
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("status", check.status().name());
        if (check.daysAgo() != null) {
            fit.put("checkedOn", date(check.daysAgo()));
        }
        expect(candidate.put(base + "/fit-and-proper", fit), "fit-and-proper checks", "fit and proper status of " + c.name());
    }

    private void incumbents(PostPlan p, UUID postId) {
        String path = "/api/v1/posts/" + postId;
        for (int i = 0; i < p.tenures().size(); i++) {
            Tenure t = p.tenures().get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            if (!holder(t, body)) {
                skip(p.tenures().size() - i + (p.departure() == null ? 0 : 1), p.key() + ": its holder was not registered");
                return;
            }
            body.put("since", date(t.sinceDaysAgo()));
            body.put("interim", t.interim());
            if (t.previousLeftBecause() != null) {
                body.put("previousLeftBecause", t.previousLeftBecause().name());
            }
            if (!expect(vacancy.put(path + "/incumbent", body), "incumbents", "incumbent of " + p.key())) {
                skip(p.tenures().size() - i - 1 + (p.departure() == null ? 0 : 1), null);
                return;
            }
        }
        if (p.departure() != null) {
            expect(vacancy.post(path + "/incumbent/departure",
                            Map.of("date", date(p.departure().daysAgo()), "reason", p.departure().reason().name())),
                    "departures", "departure from " + p.key());
        }
    }

    private void trackedExit(CandidatePlan c, ExitPlan x, UUID postId) {
        UUID id = candidateIds.get(c.index());
        if (id == null || postId == null) {
            skip(1, postId == null ? "no " + x.post() + " post for the exit of " + c.name() : null);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postId", postId.toString());
        body.put("date", date(x.daysAgo()));
        body.put("reason", x.reason().name());
        expect(whilePostUnknown(() -> candidate.post("/api/v1/candidates/" + id + "/exits", body)), "exits", "exit of " + c.name() + " from " + x.post());
    }

    private void nominate(NominationPlan n, UUID postId) {
        UUID id = candidateIds.get(n.candidate());
        if (id == null || postId == null) {
            skip(1, postId == null ? "no " + n.post() + " post to nominate for" : null);
            return;
        }
        Map<String, Object> body = Map.of("postId", postId.toString(), "readiness", n.readiness().name());
        expect(whilePostUnknown(() -> candidate.post("/api/v1/candidates/" + id + "/nominations", body)), "nominations",
                "nomination for " + n.post());
    }

    /**
     * Retries a call refused with 404 because candidate-service has not yet consumed the post's
     * event from vacancy-events, with a short back-off.
     */
    private ApiClient.Response whilePostUnknown(java.util.function.Supplier<ApiClient.Response> call) {
        long deadline = System.currentTimeMillis() + KNOWN_POST_WAIT_MILLIS;
        long wait = 100;
        while (true) {
            ApiClient.Response r = call.get();
            if (r.status() != 404 || !"postId".equals(r.body().path("field").asText())) {
                return r;
            }
            if (postsNotArriving || System.currentTimeMillis() > deadline) {
                if (!postsNotArriving) {
                    postsNotArriving = true;
                    progress.message("candidate-service has not learnt of a post in " + KNOWN_POST_WAIT_MILLIS / 1000
                            + " s: is its vacancy-events consumer running? (see its log) Calls naming unknown posts are no longer retried.");
                }
                return r;
            }
            retries++;
            ImportFiles.sleep(wait);
            wait = Math.min(wait * 2, 2000);
        }
    }

    private void vacancies(List<VacancyPlan> plans, List<RecruitmentPlan> recruitments, Map<PostKey, UUID> postIds) {
        if (plans.isEmpty() && recruitments.isEmpty()) {
            return;
        }
        List<Map<String, Object>> vacancyRows = new ArrayList<>();
        List<Map<String, Object>> applicationRows = new ArrayList<>();
        int readverts = 0;
        int shortlists = 0;
        for (VacancyPlan v : plans) {
            UUID postId = postIds.get(v.post());
            if (postId == null) {
                progress.message("skipped, no " + v.post() + " post for a vacancy");
                skipped += 1 + v.totalApplicants();
                continue;
            }
            String key = "seed-vacancy-" + v.post().odsCode() + "-" + v.post().role();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            row.put("postId", postId.toString());
            row.put("status", v.stage().name());
            row.put("closingDate", today.plusDays(v.closingInDays()).toString());
            row.put("firstAdvertisedOn", date(v.advertisedDaysAgo()));
            row.put("readverts", v.readvertised() ? 1 : 0);
            vacancyRows.add(row);
            Set<Integer> shortlist = Set.copyOf(v.shortlist());
            if (v.readvertised()) {
                applications(applicationRows, key, v.lapsedRound(), v.advertisedDaysAgo(), v.readvertisedDaysAgo(), shortlist);
                readverts++;
            }
            applications(applicationRows, key, v.applicants(), v.readvertised() ? v.readvertisedDaysAgo() : v.advertisedDaysAgo(), 0,
                    shortlist);
            shortlists += shortlist.isEmpty() ? 0 : 1;
        }
        for (RecruitmentPlan r : recruitments) {
            UUID postId = postIds.get(r.post());
            if (postId == null) {
                progress.message("skipped, no " + r.post() + " post for a recruitment");
                skipped += 1 + r.applicants().size();
                continue;
            }
            String key = "seed-recruitment-" + r.post().odsCode() + "-" + r.post().role();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            row.put("postId", postId.toString());
            row.put("status", "FILLED");
            row.put("closingDate", date(r.advertisedDaysAgo() - 28));
            row.put("firstAdvertisedOn", date(r.advertisedDaysAgo()));
            row.put("readverts", r.readverts());
            row.put("filledOn", date(r.filledDaysAgo()));
            UUID appointee = r.appointee() == null ? null : candidateIds.get(r.appointee());
            if (appointee != null) {
                row.put("appointedCandidateId", appointee.toString());
                row.put("appointmentInterim", false);
            }
            vacancyRows.add(row);
            applications(applicationRows, key, r.applicants(), r.advertisedDaysAgo(), r.filledDaysAgo(), Set.copyOf(r.shortlist()));
        }
        if (importFile("vacancies", vacancyRows) == 0) {
            created.merge("re-adverts", readverts, Integer::sum);
            created.merge("shortlists", shortlists, Integer::sum);
        }
        importFile("applications", applicationRows);
    }

    /**
     * Application rows of one advert: each candidate applied on a day from the advert's to the day before the
     * next one (or today), spread by the key so that a seed always gives the same days.
     */
    private void applications(List<Map<String, Object>> rows, String vacancyKey, List<Integer> who, int fromDaysAgo, int untilDaysAgo,
                              Set<Integer> shortlist) {
        int window = Math.max(1, Math.min(28, fromDaysAgo - untilDaysAgo));
        for (Integer i : who) {
            UUID id = candidateIds.get(i);
            if (id == null) {
                skipped++;
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", vacancyKey + "-" + i);
            row.put("vacancyKey", vacancyKey);
            row.put("candidateId", id.toString());
            row.put("appliedOn", date(fromDaysAgo - Math.floorMod((vacancyKey + i).hashCode(), window)));
            row.put("shortlisted", shortlist.contains(i));
            rows.add(row);
        }
    }

    /**
     * Imports rows as one NDJSON file and waits for the job to end; counts what it created, reports its
     * problems as refusals. Returns the rows refused (or all of them when the file was refused whole).
     */
    private int importFile(String kind, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            progress.step();
            return 0;
        }
        int rejected = imported(vacancy, kind, rows, NOTHING_PASSES);
        progress.step();
        return rejected;
    }

    /** Sends the rows as one file (again while {@code passing} excuses every refusal), counts and reports what the job did. */
    private int imported(ApiClient client, String kind, List<Map<String, Object>> rows, Predicate<JsonNode> passing) {
        ImportFiles.Job job = ImportFiles.send(client, kind, rows, passing, passing == NOTHING_PASSES ? 0 : KNOWN_POST_WAIT_MILLIS);
        synchronized (this) {
            created.merge(kind, job.created(), Integer::sum);
        }
        for (JsonNode p : job.problems()) {
            fail(kind + " row " + p.path("key").asText() + ": " + p.path("field").asText("") + " " + p.path("reason").asText());
        }
        if (!job.completed()) {
            fail("the " + kind + " import ended " + job.status() + ": " + job.message());
        }
        return job.rejected();
    }

    /** One write of a sequence: counts it, advances the progress, and says whether it worked. */
    private boolean step(ApiClient.Response r, long[] left, String kind, String what) {
        left[0]--;
        return expect(r, kind, what);
    }

    private boolean expect(ApiClient.Response r, String kind, String what) {
        progress.step();
        if (r.ok()) {
            if (kind != null) {
                count(kind);
            }
            return true;
        }
        fail(what + ": " + r.problem());
        return false;
    }

    private synchronized void count(String kind) {
        created.merge(kind, 1, Integer::sum);
    }

    private synchronized void fail(String message) {
        failures++;
        if (failures <= MESSAGES_SHOWN) {
            progress.message("refused, " + message);
        } else if (failures == MESSAGES_SHOWN + 1) {
            progress.message("(further refusals are counted, not shown)");
        }
    }

    private synchronized void skip(long writes, String message) {
        skipped += (int) writes;
        progress.advance(writes);
        if (message != null) {
            progress.message("skipped, " + message);
        }
    }

    private String date(int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }
}
