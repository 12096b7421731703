package org.understudy.succession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.succession.domain.CandidateFacts;
import org.understudy.succession.domain.CapacityService;
import org.understudy.succession.domain.ConsequenceCapacity;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.PostFacts;
import org.understudy.succession.domain.SuccessionRules;
import org.understudy.succession.persistence.DecisionSupportRepository;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Times national consequence capacity on a generated national data set: 200 trusts (a chief
 * executive and a chair post each: 400 posts) and 20,000 candidates, counted by the real rules
 * ({@link SuccessionRules}) and written straight into the view's tables (through events it would
 * take minutes). Prints, does not assert, the median of 100 calls: through HTTP (the cache), and
 * recomputed from the database each time (what the first call after a change costs). Removes its
 * rows afterwards.
 *
 * <p>On demand only: {@code ./mvnw -B -o verify -pl succession-service -Dtest=CapacityBenchmarkTest
 * -Dunderstudy.capacity-benchmark=true}
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "understudy.capacity-benchmark", matches = "true")
class CapacityBenchmarkTest {
    private static final int TRUSTS = 200;
    private static final int CANDIDATES = 20_000;
    private static final int CALLS = 100;

    @Inject
    EntityManager em;

    @Inject
    CapacityService capacity;

    @Inject
    DecisionSupportRepository figures;

    @TestHTTPResource("/api/v1/succession/capacity")
    URI endpoint;

    private record Generated(List<String> ods, List<UUID> posts, int edgesNow, int rowsTotal) {
    }

    @Test
    void nationalCapacityOnANationalDataSet() throws Exception {
        long t0 = System.nanoTime();
        Generated data = QuarkusTransaction.requiringNew().call(this::generate);
        System.out.printf("%n[capacity benchmark] generated %d posts, %d candidates: %d ready-now pairs (%d post_candidate rows) in %.1f s%n",
                data.posts().size(), CANDIDATES, data.edgesNow(), data.rowsTotal(), (System.nanoTime() - t0) / 1e9);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest national = HttpRequest.newBuilder(endpoint).header("Accept", "application/json").build();
            HttpResponse<String> first = http.send(national, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), first.body());
            System.out.println("[capacity benchmark] national answer: " + first.body().substring(0, Math.min(400, first.body().length())) + " ...");

            double httpCached = median(() -> {
                try {
                    HttpResponse<String> r = http.send(national, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            double recomputed = median(() -> capacity.uncached(null));
            ConsequenceCapacity.Graph graph = QuarkusTransaction.requiringNew().call(() -> figures.readyNowGraph());
            double matchingOnly = median(() -> ConsequenceCapacity.of(graph, ConsequenceCapacity.Scope.of(null), Set.of(3, 4, 5)));
            double load = median(() -> QuarkusTransaction.requiringNew().call(() -> figures.readyNowGraph()));
            ConsequenceCapacity.Result result = ConsequenceCapacity.of(graph, ConsequenceCapacity.Scope.of(null), Set.of(3, 4, 5));
            UUID somePost = data.posts().get(0);
            double knockOn = median(() -> capacity.knockOn(somePost));

            System.out.printf("[capacity benchmark] national: %d posts, %d people ready now, sum of depths %d, capacity %d, uncovered %d%n",
                    result.posts(), result.readyNowPeople(), result.sumOfDepths(), result.capacity(), result.uncovered().size());
            System.out.printf("[capacity benchmark] median of %d calls: GET /api/v1/succession/capacity (cached) %.2f ms; "
                            + "recomputed from the database %.2f ms (load %.2f ms + matching %.2f ms); knock-on %.2f ms%n%n",
                    CALLS, httpCached, recomputed, load, matchingOnly, knockOn);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> remove(data));
        }
    }

    /** The median wall time of {@value #CALLS} calls, in milliseconds, after 5 to warm up. */
    private static double median(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] ms = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return (ms[CALLS / 2 - 1] + ms[CALLS / 2]) / 2;
    }

    /**
     * 200 trusts spread over the 7 regions (types and oversight segments in rough national
     * proportions), a chief executive and a chair post each, half held by someone in the pipeline;
     * 20,000 candidates: readiness for one role (chief executive 45%, chair 35%), ready now 15%,
     * within 1-2 years 25%; willing to work in their home region and up to two more, in one to three
     * types of trust; 40% would consider a challenged trust; 95% with a fit-and-proper check in the
     * last 11 months; 600 named successor nominations.
     */
    private Generated generate() throws Exception {
        Random random = new Random(20_000);
        LocalDate today = LocalDate.now();
        Region[] regions = Region.values();
        OrganisationType[] types = {OrganisationType.ACUTE, OrganisationType.ACUTE, OrganisationType.ACUTE, OrganisationType.ACUTE,
                OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH, OrganisationType.MENTAL_HEALTH, OrganisationType.COMMUNITY,
                OrganisationType.AMBULANCE, OrganisationType.SPECIALIST};
        int[] segments = {1, 1, 2, 2, 2, 2, 3, 3, 4, 5};

        List<CandidateFacts> candidates = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            int home = random.nextInt(regions.length);
            Set<Region> willRegions = EnumSet.of(regions[home]);
            for (int k = random.nextInt(3); k > 0; k--) {
                willRegions.add(regions[random.nextInt(regions.length)]);
            }
            Set<OrganisationType> willTypes = EnumSet.noneOf(OrganisationType.class);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                willTypes.add(types[random.nextInt(types.length)]);
            }
            double r = random.nextDouble();
            BoardRole role = r < 0.45 ? BoardRole.CHIEF_EXECUTIVE : r < 0.80 ? BoardRole.CHAIR : BoardRole.CHIEF_FINANCIAL_OFFICER;
            double l = random.nextDouble();
            ReadinessLevel level = l < 0.15 ? ReadinessLevel.READY_NOW : l < 0.40 ? ReadinessLevel.READY_1_2_YEARS
                    : l < 0.70 ? ReadinessLevel.READY_3_PLUS : ReadinessLevel.NOT_READY;
            boolean fit = random.nextDouble() < 0.95;
            candidates.add(new CandidateFacts(UUID.randomUUID(), CandidateStatus.ACTIVE, fit ? FitAndProperStatus.PASSED : FitAndProperStatus.FAILED,
                    today.minusDays(random.nextInt(330)), willRegions, willTypes, random.nextDouble() < 0.4,
                    Map.of(role, new CandidateFacts.Assessment(level, today.minusDays(random.nextInt(500)))), new HashMap<>()));
        }

        List<String> ods = new ArrayList<>();
        List<PostFacts> posts = new ArrayList<>();
        StringBuilder organisations = new StringBuilder();
        Map<UUID, String> odsOfPost = new HashMap<>();
        for (int t = 0; t < TRUSTS; t++) {
            String code = "B" + String.format("%03d", t);
            ods.add(code);
            Region region = regions[t % regions.length];
            OrganisationType type = types[random.nextInt(types.length)];
            int segment = segments[random.nextInt(segments.length)];
            organisations.append(code).append(",Benchmark NHS Trust ").append(code).append(',').append(region).append(',').append(type)
                    .append(',').append(segment).append(",1,").append(today.atStartOfDay()).append("Z\n");
            for (BoardRole role : List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR)) {
                UUID incumbent = random.nextBoolean() ? candidates.get(random.nextInt(CANDIDATES)).candidateId() : UUID.randomUUID();
                PostFacts post = new PostFacts(UUID.randomUUID(), role, region, type, segment, incumbent);
                posts.add(post);
                odsOfPost.put(post.postId(), code);
            }
        }
        for (int n = 0; n < 600; n++) {
            CandidateFacts c = candidates.get(random.nextInt(CANDIDATES));
            c.nominations().put(posts.get(random.nextInt(posts.size())).postId(), new CandidateFacts.Assessment(
                    random.nextBoolean() ? ReadinessLevel.READY_NOW : ReadinessLevel.READY_1_2_YEARS, today.minusDays(random.nextInt(300))));
        }

        SuccessionRules rules = SuccessionRules.DEFAULT;
        StringBuilder pairs = new StringBuilder();
        StringBuilder postRows = new StringBuilder();
        int now = 0;
        int rows = 0;
        for (PostFacts post : posts) {
            int readyNow = 0;
            int readySoon = 0;
            int named = 0;
            int pool = 0;
            for (CandidateFacts c : candidates) {
                if (!c.readiness().containsKey(post.role()) && !c.nominations().containsKey(post.postId())) {
                    continue;
                }
                Contribution contribution = rules.evaluate(post, c, today);
                if (!contribution.counts()) {
                    continue;
                }
                rows++;
                if (contribution.level() == Contribution.Level.NOW) {
                    readyNow++;
                    now++;
                } else {
                    readySoon++;
                }
                named += contribution.namedNow() ? 1 : 0;
                pool += contribution.poolNow() ? 1 : 0;
                pairs.append(post.postId()).append(',').append(c.candidateId()).append(',').append(contribution.level()).append(',')
                        .append(contribution.namedNow()).append(',').append(contribution.poolNow()).append(',')
                        .append(contribution.expiresOn()).append('\n');
            }
            postRows.append(post.postId()).append(',').append(odsOfPost.get(post.postId())).append(',').append(post.role())
                    .append(",1,").append(named).append(',').append(pool).append(',').append(readyNow).append(',').append(readySoon)
                    .append(',').append(readyNow >= 3 ? "STRONG" : readyNow == 2 ? "VIABLE" : readyNow == 1 ? "THIN" : "NONE")
                    .append(',').append(UUID.randomUUID()).append(",benchmark,0,0,").append(today.atStartOfDay()).append("Z,")
                    .append(post.incumbentCandidateId()).append('\n');
        }
        em.unwrap(Session.class).doWork(connection -> {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn("COPY organisation_view (ods_code, name, region, organisation_type, oversight_segment, version, updated_at) "
                        + "FROM STDIN (FORMAT csv)", new StringReader(organisations.toString()));
                copy.copyIn("COPY post_succession (post_id, ods_code, role, version, named_ready_now, pool_ready_now, ready_now, ready_soon, "
                        + "replaceability, last_event_id, last_topic, last_partition, last_offset, updated_at, incumbent_candidate_id) "
                        + "FROM STDIN (FORMAT csv)", new StringReader(postRows.toString()));
                copy.copyIn("COPY post_candidate (post_id, candidate_id, level, named_now, pool_now, expires_on) FROM STDIN (FORMAT csv)",
                        new StringReader(pairs.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        em.createNativeQuery("UPDATE view_version SET version = version + 1").executeUpdate();
        return new Generated(ods, posts.stream().map(PostFacts::postId).toList(), now, rows);
    }

    private void remove(Generated data) {
        em.createNativeQuery("DELETE FROM post_candidate WHERE post_id IN (:ids)").setParameter("ids", data.posts()).executeUpdate();
        em.createNativeQuery("DELETE FROM post_succession WHERE post_id IN (:ids)").setParameter("ids", data.posts()).executeUpdate();
        em.createNativeQuery("DELETE FROM organisation_view WHERE ods_code IN (:ods)").setParameter("ods", data.ods()).executeUpdate();
        em.createNativeQuery("UPDATE view_version SET version = version + 1").executeUpdate();
    }
}
