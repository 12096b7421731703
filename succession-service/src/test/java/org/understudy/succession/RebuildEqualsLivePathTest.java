package org.understudy.succession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.EventFactory;
import org.understudy.events.EventJson;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationState;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.VacancyState;
import org.understudy.events.VacancyStatus;
import org.understudy.succession.domain.SuccessionView;
import org.understudy.succession.events.EventApplier;
import org.understudy.succession.events.ViewRebuilder;
import org.understudy.succession.persistence.ViewBulkWriter;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild folds the events in memory and writes the view at once; the live consumers apply them
 * one by one on the database. Fed the same records in the same order, both must leave the same view,
 * table by table: numbers, who counts for which post and until when, every history row, every
 * applied event. The records are generated from a seed: two years of organisations, posts,
 * vacancies and candidates, with redeliveries, stale versions, events out of time order, erasures,
 * assessments going stale and checks lapsing in between.
 */
@QuarkusTest
class RebuildEqualsLivePathTest {
    private static final LocalDate START = LocalDate.now().minusMonths(26);

    @Inject
    EventApplier applier;

    @Inject
    ViewRebuilder rebuilder;

    @Inject
    ViewBulkWriter writer;

    @Inject
    SuccessionView view;

    @Inject
    EntityManager em;

    @Test
    void theSameRecordsGiveTheSameTablesBothWays() {
        List<ConsumerRecord<String, String>> records = new Story(20260611L).records();
        applier.rebuildLock().writeLock().lock(); // live consumers wait, as during a rebuild
        try {
            // The live path: one record per transaction, then time passes to today (the expiry timer).
            QuarkusTransaction.requiringNew().run(() -> writer.empty());
            for (ConsumerRecord<String, String> r : records) {
                QuarkusTransaction.requiringNew().run(() -> applier.applyInTransaction(r));
            }
            QuarkusTransaction.requiringNew().run(() -> view.expireUpTo(LocalDate.now()));
            Map<String, List<String>> live = tables();
            assertTrue(live.get("post_succession_history").size() > 100, "the story changes posts often enough");
            assertTrue(live.get("post_candidate").size() > 10, "people count for posts at the end");

            // The rebuild, with the events known as applied (only their JSON is read) ...
            long[] counts = rebuilder.replaceFrom(records);
            assertEquals(records.size(), counts[0] + counts[1]);
            assertTables(live, tables());

            // ... and from an empty view (every record checked against the contract).
            QuarkusTransaction.requiringNew().run(() -> writer.empty());
            rebuilder.replaceFrom(records);
            assertTables(live, tables());
        } finally {
            applier.rebuildLock().writeLock().unlock();
        }
        // Leave the view as the topics say, for the tests after this one.
        given().post("/api/v1/succession/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/succession/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
    }

    private static void assertTables(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), actual.get(table), table);
        }
    }

    /** Every view table as text rows in a stable order, without the bookkeeping of when rows were written. */
    private Map<String, List<String>> tables() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("organisation_view", "SELECT ods_code, name, region, organisation_type, oversight_segment, version FROM organisation_view ORDER BY 1");
        queries.put("post_succession", "SELECT post_id, ods_code, role, version, named_ready_now, pool_ready_now, ready_now, ready_soon, "
                + "replaceability, last_event_id, last_topic, last_partition, last_offset, incumbent_candidate_id, incumbent_since, "
                + "incumbent_interim, last_departure_date, last_departure_reason, applicants, shortlisted, last_shortlist_size, "
                + "open_vacancy_id, latest_vacancy_id, interim_candidate_id, interim_named_on FROM post_succession ORDER BY 1");
        queries.put("candidate_view", "SELECT candidate_id, status, fit_status, fit_checked_on, regions, organisation_types, "
                + "considers_challenged, version FROM candidate_view ORDER BY 1");
        queries.put("candidate_readiness", "SELECT * FROM candidate_readiness ORDER BY 1, 2");
        queries.put("candidate_nomination", "SELECT * FROM candidate_nomination ORDER BY 1, 2");
        queries.put("candidate_exit", "SELECT * FROM candidate_exit ORDER BY 1, 2");
        queries.put("vacancy_view", "SELECT vacancy_id, post_id, status, live_applications, shortlist_size, readverts, first_advertised_on, "
                + "filled_on, closed_on, appointed_candidate_id, version, created_at FROM vacancy_view ORDER BY 1");
        queries.put("post_candidate", "SELECT * FROM post_candidate ORDER BY 1, 2");
        // A post's rows in the order they were written; ids themselves differ (a sequence).
        queries.put("post_succession_history", "SELECT post_id, effective_at, cause, event_id, event_topic, event_partition, event_offset, "
                + "ready_now, ready_soon, named_ready_now, pool_ready_now, replaceability, applicants, shortlisted, last_shortlist_size, "
                + "incumbent_candidate_id, interim_candidate_id, interim_named_on FROM post_succession_history ORDER BY post_id, id");
        queries.put("applied_event", "SELECT event_id, event_type, topic, record_partition, record_offset FROM applied_event ORDER BY 1");
        Map<String, List<String>> out = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> queries.forEach((table, sql) -> {
            List<String> rows = new ArrayList<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                rows.add(row instanceof Object[] values ? java.util.Arrays.deepToString(values) : String.valueOf(row));
            }
            out.put(table, rows);
        }));
        return out;
    }

    /** Two years of events for a few trusts, drawn from a seed, as records on the two topics. */
    private static final class Story {
        private final Random random;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        private final Map<String, Long> versions = new HashMap<>();
        private final Map<String, Long> offsets = new HashMap<>();
        private final List<String> ods = new ArrayList<>();
        private final Map<String, Region> regionOf = new HashMap<>();
        private final Map<String, OrganisationType> typeOf = new HashMap<>();
        private final List<UUID> posts = new ArrayList<>();
        private final Map<UUID, String> odsOfPost = new HashMap<>();
        private final Map<UUID, BoardRole> roleOfPost = new HashMap<>();

        Story(long seed) {
            random = new Random(seed);
        }

        List<ConsumerRecord<String, String>> records() {
            Region[] regions = {Region.LONDON, Region.SOUTH_WEST};
            OrganisationType[] types = {OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH};
            for (int i = 0; i < 4; i++) {
                String code = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + i;
                ods.add(code);
                regionOf.put(code, regions[i % 2]);
                typeOf.put(code, types[(i / 2) % 2]);
                organisation(code, 1 + i, day(0));
                for (BoardRole role : List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR)) {
                    UUID post = uuid();
                    posts.add(post);
                    odsOfPost.put(post, code);
                    roleOfPost.put(post, role);
                    post(post, null, null, day(0));
                }
            }
            List<CandidateState> candidates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                candidates.add(candidate(uuid()));
            }
            Map<UUID, VacancyState> vacancies = new HashMap<>();
            // Two years, a few events a week; each time is a little after the last (sometimes before: out of order).
            OffsetDateTime at = at(day(1));
            for (int step = 0; step < 500; step++) {
                at = at.plusHours(random.nextInt(60));
                OffsetDateTime when = random.nextInt(20) == 0 ? at.minusDays(1 + random.nextInt(5)) : at;
                int what = random.nextInt(100);
                if (what < 70) {
                    int i = random.nextInt(candidates.size());
                    CandidateState next = change(candidates.get(i), when.toLocalDate());
                    candidates.set(i, next);
                    send(Topics.CANDIDATE_EVENTS, CandidateEventTypes.UPDATED, next.candidateId().toString(), when, next);
                } else if (what < 80) {
                    UUID post = posts.get(random.nextInt(posts.size()));
                    UUID holder = random.nextBoolean() ? candidates.get(random.nextInt(candidates.size())).candidateId() : null;
                    PostState.InterimCover cover = random.nextInt(4) == 0
                            ? new PostState.InterimCover(candidates.get(random.nextInt(candidates.size())).candidateId(), when.toLocalDate()) : null;
                    post(post, holder, cover, when);
                } else if (what < 95) {
                    UUID post = posts.get(random.nextInt(posts.size()));
                    VacancyState v = vacancies.values().stream().filter(x -> x.postId().equals(post) && x.status().active()).findFirst()
                            .orElse(null);
                    v = vacancy(v == null ? uuid() : v.vacancyId(), post, v, when.toLocalDate());
                    vacancies.put(v.vacancyId(), v);
                    send(Topics.VACANCY_EVENTS, VacancyEventTypes.VACANCY_STATUS_CHANGED, v.vacancyId().toString(), when, v);
                } else if (what < 97) {
                    String code = ods.get(random.nextInt(ods.size()));
                    organisation(code, 1 + random.nextInt(5), when.toLocalDate());
                } else if (what < 98) {
                    ConsumerRecord<String, String> again = records.get(random.nextInt(records.size()));
                    redeliver(again); // a duplicate: same event, later offset
                } else {
                    // A stale version: an older state of some aggregate arrives again with a new event id.
                    ConsumerRecord<String, String> old = records.get(random.nextInt(records.size()));
                    sendRaw(old.topic(), old.key(), withNewId(old.value()));
                }
            }
            // One candidate erased, one withdrawn, at the end.
            for (CandidateStatus status : List.of(CandidateStatus.ERASED, CandidateStatus.WITHDRAWN)) {
                CandidateState c = candidates.get(random.nextInt(candidates.size()));
                CandidateState gone = new CandidateState(c.candidateId(), status, c.readiness(), c.fitAndProper(), c.mobility(),
                        c.nominations(), c.exits());
                send(Topics.CANDIDATE_EVENTS, CandidateEventTypes.UPDATED, c.candidateId().toString(), at.plusDays(1), gone);
            }
            return records;
        }

        private CandidateState candidate(UUID id) {
            String home = ods.get(random.nextInt(ods.size()));
            CandidateState c = new CandidateState(id, CandidateStatus.ACTIVE, List.of(),
                    new CandidateState.FitAndProper(FitAndProperStatus.PENDING, null),
                    new CandidateState.Mobility(List.of(regionOf.get(home)), List.of(typeOf.get(home)), random.nextBoolean()),
                    List.of(), List.of());
            send(Topics.CANDIDATE_EVENTS, CandidateEventTypes.REGISTERED, id.toString(), at(day(0)), c);
            return c;
        }

        /** One change of a candidate: an assessment, a check, a nomination, a move, an exit. */
        private CandidateState change(CandidateState c, LocalDate on) {
            List<CandidateState.RoleReadiness> readiness = new ArrayList<>(c.readiness());
            CandidateState.FitAndProper fit = c.fitAndProper();
            List<CandidateState.Nomination> nominations = new ArrayList<>(c.nominations());
            List<CandidateState.Exit> exits = new ArrayList<>(c.exits());
            CandidateState.Mobility mobility = c.mobility();
            ReadinessLevel[] levels = ReadinessLevel.values();
            LocalDate assessed = on.minusDays(random.nextInt(400)); // some are stale on arrival, some soon after
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    BoardRole role = random.nextBoolean() ? BoardRole.CHIEF_EXECUTIVE : BoardRole.CHAIR;
                    readiness.removeIf(r -> r.role() == role);
                    readiness.add(new CandidateState.RoleReadiness(role, levels[random.nextInt(3)], assessed));
                }
                case 2 -> fit = new CandidateState.FitAndProper(random.nextInt(8) == 0 ? FitAndProperStatus.FAILED : FitAndProperStatus.PASSED,
                        on.minusDays(random.nextInt(300)));
                case 3 -> {
                    UUID post = posts.get(random.nextInt(posts.size()));
                    nominations.removeIf(n -> n.postId().equals(post));
                    if (random.nextInt(4) > 0) {
                        nominations.add(new CandidateState.Nomination(post, levels[random.nextInt(3)], assessed));
                    }
                }
                case 4 -> {
                    String other = ods.get(random.nextInt(ods.size()));
                    List<Region> regions = new ArrayList<>(mobility.regions());
                    if (!regions.contains(regionOf.get(other))) {
                        regions.add(regionOf.get(other));
                    }
                    List<OrganisationType> types = new ArrayList<>(mobility.organisationTypes());
                    if (!types.contains(typeOf.get(other))) {
                        types.add(typeOf.get(other));
                    }
                    mobility = new CandidateState.Mobility(regions, types, random.nextBoolean());
                }
                default -> exits.add(new CandidateState.Exit(null, ods.get(random.nextInt(ods.size())), BoardRole.CHIEF_EXECUTIVE,
                        on.minusDays(random.nextInt(100)), ExitReason.values()[random.nextInt(ExitReason.values().length)]));
            }
            return new CandidateState(c.candidateId(), c.status(), readiness, fit, mobility, nominations, exits);
        }

        private VacancyState vacancy(UUID id, UUID post, VacancyState before, LocalDate on) {
            VacancyStatus status = before == null ? VacancyStatus.OPEN
                    : random.nextInt(3) == 0 ? VacancyStatus.LAPSED : VacancyStatus.SHORTLISTING;
            int received = (before == null ? 0 : before.applicationsReceived()) + random.nextInt(3);
            return new VacancyState(id, post, odsOfPost.get(post), roleOfPost.get(post), status, on.plusDays(30),
                    before == null ? on : before.firstAdvertisedOn(), 0, received, random.nextInt(received + 1) / 2,
                    status == VacancyStatus.OPEN ? 0 : Math.min(received, 1 + random.nextInt(3)), List.of(), null, null, null, null,
                    status == VacancyStatus.LAPSED ? on : null);
        }

        private void organisation(String code, int segment, LocalDate day) {
            send(Topics.VACANCY_EVENTS, versions.containsKey(code) ? VacancyEventTypes.ORGANISATION_UPDATED : VacancyEventTypes.ORGANISATION_CREATED,
                    code, at(day), new OrganisationState(code, "Equality NHS Trust " + code, regionOf.get(code), typeOf.get(code), false, null, segment));
        }

        private void post(UUID post, UUID holder, PostState.InterimCover cover, OffsetDateTime when) {
            PostState.Incumbent incumbent = holder == null ? null : new PostState.Incumbent(holder, when.toLocalDate(), random.nextBoolean());
            PostState.Departure departure = holder == null && versions.containsKey(post.toString())
                    ? new PostState.Departure(when.toLocalDate(), LeavingReason.RESIGNED) : null;
            send(Topics.VACANCY_EVENTS, versions.containsKey(post.toString()) ? VacancyEventTypes.POST_INCUMBENT_CHANGED : VacancyEventTypes.POST_CREATED,
                    post.toString(), when, new PostState(post, odsOfPost.get(post), roleOfPost.get(post), incumbent, departure, cover));
        }

        private void post(UUID post, UUID holder, PostState.InterimCover cover, LocalDate day) {
            post(post, holder, cover, at(day));
        }

        private void send(String topic, String type, String key, OffsetDateTime time, Object state) {
            long version = versions.merge(key, 1L, Long::sum);
            sendRaw(topic, key, EventFactory.toJson(uuid(), topic.equals(Topics.VACANCY_EVENTS) ? "/vacancy-service" : "/candidate-service",
                    type, key, time, version, List.of("story"), state));
        }

        private String withNewId(String json) {
            try {
                ObjectNode event = (ObjectNode) EventJson.mapper().readTree(json);
                event.put("id", uuid().toString());
                return EventJson.mapper().writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private void redeliver(ConsumerRecord<String, String> record) {
            sendRaw(record.topic(), record.key(), record.value());
        }

        /** A record on the key's partition (of three) at the next offset there. */
        private void sendRaw(String topic, String key, String json) {
            int partition = Math.floorMod(key.hashCode(), 3);
            long offset = offsets.merge(topic + "-" + partition, 1L, Long::sum) - 1;
            records.add(new ConsumerRecord<>(topic, partition, offset, key, json));
        }

        private UUID uuid() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        private static LocalDate day(int d) {
            return START.plusDays(d);
        }

        private static OffsetDateTime at(LocalDate day) {
            return day.atTime(9, 30).atOffset(ZoneOffset.UTC);
        }
    }
}
