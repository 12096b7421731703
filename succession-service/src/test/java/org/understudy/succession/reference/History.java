package org.understudy.succession.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A generated history of the facts the view is made from: a start day, the steps (organisations,
 * posts, incumbents, vacancies, candidates and their assessments, checks, nominations, moves,
 * withdrawals, erasures, time passing, redeliveries, stale versions, late events), how the two topics
 * interleave when the view reads them, and the day it is asked about at the end. Indexes in the steps
 * are taken modulo what exists, so every list of steps is a valid history and shrinks to a smaller one.
 *
 * @param start      the first event's day (chosen among month ends and leap days)
 * @param steps      what happens, in the order it happens
 * @param interleave how the view reads the two topics: the seed of the order it takes them in
 * @param finalWait  days between the last event and the day the view is asked about
 */
public record History(LocalDate start, List<Step> steps, long interleave, int finalWait) {

    /** One thing that happens. */
    public sealed interface Step {
    }

    /** An organisation created, or changed (region, type, oversight segment). */
    public record Organisation(int index, int region, int type, int segment) implements Step {
    }

    /** A chief executive or chair post at an organisation. */
    public record NewPost(int organisation, int role) implements Step {
    }

    /** A post's incumbent changes: a pipeline candidate, or someone from outside it (candidate -1). */
    public record Incumbent(int post, int candidate, boolean interim) implements Step {
    }

    /** A post's interim cover: a pipeline candidate, someone from outside (-1), or none (-2). */
    public record Interim(int post, int candidate) implements Step {
    }

    /** A post's vacancy moves on (a new one opens when none is in play). */
    public record Vacancy(int post, int what) implements Step {
    }

    /** A candidate joins the pipeline. */
    public record Register(int regions, int types, boolean challenged) implements Step {
    }

    public record Readiness(int candidate, int role, int level, int ageDays) implements Step {
    }

    public record FitAndProper(int candidate, boolean failed, int ageDays) implements Step {
    }

    public record Nominate(int candidate, int post, int level, int ageDays) implements Step {
    }

    public record Unnominate(int candidate, int post) implements Step {
    }

    /** Where a candidate would work changes. */
    public record Move(int candidate, int regions, int types, boolean challenged) implements Step {
    }

    /** A candidate withdraws, or is erased. */
    public record Leave(int candidate, boolean erase) implements Step {
    }

    public record Exit(int candidate, int reason, int ageDays) implements Step {
    }

    /** Time passes (hours). */
    public record Wait(int hours) implements Step {
    }

    /** An event is delivered again, the same record (a redelivery). */
    public record Redeliver(int back) implements Step {
    }

    /** An older state of an aggregate is sent again with a new event id (a stale version). */
    public record Resend(int back) implements Step {
    }

    /** The next event is stamped some days before the clock (it happened earlier, arrives now). */
    public record Late(int days) implements Step {
    }

    static final Region[] REGIONS = {Region.LONDON, Region.SOUTH_WEST, Region.MIDLANDS};
    static final OrganisationType[] TYPES = {OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH};
    static final BoardRole[] ROLES = {BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR};
    static final ReadinessLevel[] LEVELS = ReadinessLevel.values();

    /** The day the view is asked about at the end. */
    public LocalDate lastDay() {
        return new Builder().build().clock.toLocalDate().plusDays(finalWait);
    }

    /** The records as the view reads them: the two topics interleaved, each in its own order. */
    public List<ConsumerRecord<String, String>> records() {
        return new Builder().build().interleaved();
    }

    @Override
    public String toString() {
        return "History[start=" + start + ", interleave=" + interleave + ", finalWait=" + finalWait + ", steps=\n  "
                + steps.stream().map(Object::toString).collect(Collectors.joining("\n  ")) + "]";
    }

    /** Turns the steps into records, keeping what exists. */
    private final class Builder {
        private final Random ids = new Random(20261206L);
        private final Map<String, List<ConsumerRecord<String, String>>> topics = Map.of(
                Topics.VACANCY_EVENTS, new ArrayList<>(), Topics.CANDIDATE_EVENTS, new ArrayList<>());
        private final Map<String, Long> versions = new HashMap<>();
        private final Map<String, Long> offsets = new HashMap<>();
        private final List<OrganisationState> organisations = new ArrayList<>();
        private final List<PostState> posts = new ArrayList<>();
        private final List<CandidateState> candidates = new ArrayList<>();
        private final Map<Integer, VacancyState> openVacancies = new HashMap<>();
        private final List<ConsumerRecord<String, String>> all = new ArrayList<>();
        private OffsetDateTime clock = start.atTime(9, 30).atOffset(ZoneOffset.UTC);
        private int late;

        Builder build() {
            for (Step step : steps) {
                apply(step);
            }
            return this;
        }

        private void apply(Step step) {
            if (step instanceof Organisation o) {
                organisation(o);
            } else if (step instanceof NewPost p) {
                newPost(p);
            } else if (step instanceof Incumbent i) {
                incumbent(i);
            } else if (step instanceof Interim i) {
                interim(i);
            } else if (step instanceof Vacancy v) {
                vacancy(v);
            } else if (step instanceof Register r) {
                register(r);
            } else if (step instanceof Readiness r) {
                changeCandidate(r.candidate(), CandidateEventTypes.READINESS_ASSESSED, c -> {
                    List<CandidateState.RoleReadiness> readiness = new ArrayList<>(c.readiness());
                    BoardRole role = ROLES[r.role() % ROLES.length];
                    readiness.removeIf(x -> x.role() == role);
                    readiness.add(new CandidateState.RoleReadiness(role, LEVELS[r.level() % LEVELS.length], eventDay().minusDays(r.ageDays())));
                    return with(c, c.status(), readiness, c.fitAndProper(), c.mobility(), c.nominations(), c.exits());
                });
            } else if (step instanceof FitAndProper f) {
                changeCandidate(f.candidate(), CandidateEventTypes.FIT_AND_PROPER_RECORDED, c -> with(c, c.status(), c.readiness(),
                        new CandidateState.FitAndProper(f.failed() ? FitAndProperStatus.FAILED : FitAndProperStatus.PASSED,
                                eventDay().minusDays(f.ageDays())), c.mobility(), c.nominations(), c.exits()));
            } else if (step instanceof Nominate n) {
                if (!posts.isEmpty()) {
                    UUID post = posts.get(n.post() % posts.size()).postId();
                    changeCandidate(n.candidate(), CandidateEventTypes.NOMINATED, c -> {
                        List<CandidateState.Nomination> nominations = new ArrayList<>(c.nominations());
                        nominations.removeIf(x -> x.postId().equals(post));
                        nominations.add(new CandidateState.Nomination(post, LEVELS[n.level() % LEVELS.length], eventDay().minusDays(n.ageDays())));
                        return with(c, c.status(), c.readiness(), c.fitAndProper(), c.mobility(), nominations, c.exits());
                    });
                }
            } else if (step instanceof Unnominate u) {
                if (!posts.isEmpty()) {
                    UUID post = posts.get(u.post() % posts.size()).postId();
                    changeCandidate(u.candidate(), CandidateEventTypes.NOMINATION_WITHDRAWN, c -> with(c, c.status(), c.readiness(),
                            c.fitAndProper(), c.mobility(), c.nominations().stream().filter(x -> !x.postId().equals(post)).toList(), c.exits()));
                }
            } else if (step instanceof Move m) {
                changeCandidate(m.candidate(), CandidateEventTypes.UPDATED, c -> with(c, c.status(), c.readiness(),
                        c.fitAndProper(), mobility(m.regions(), m.types(), m.challenged()), c.nominations(), c.exits()));
            } else if (step instanceof Leave l) {
                changeCandidate(l.candidate(), l.erase() ? CandidateEventTypes.ERASED : CandidateEventTypes.WITHDRAWN,
                        c -> l.erase() ? new CandidateState(c.candidateId(), CandidateStatus.ERASED, List.of(),
                                new CandidateState.FitAndProper(FitAndProperStatus.PENDING, null), mobility(0, 0, false), List.of(), List.of())
                                : with(c, CandidateStatus.WITHDRAWN, c.readiness(), c.fitAndProper(), c.mobility(), c.nominations(), c.exits()));
            } else if (step instanceof Exit x) {
                if (!organisations.isEmpty()) {
                    String ods = organisations.get(x.candidate() % organisations.size()).odsCode();
                    changeCandidate(x.candidate(), CandidateEventTypes.EXIT_RECORDED, c -> {
                        List<CandidateState.Exit> exits = new ArrayList<>(c.exits());
                        exits.add(new CandidateState.Exit(null, ods, BoardRole.CHIEF_EXECUTIVE, eventDay().minusDays(x.ageDays()),
                                ExitReason.values()[x.reason() % ExitReason.values().length]));
                        return with(c, c.status(), c.readiness(), c.fitAndProper(), c.mobility(), c.nominations(), exits);
                    });
                }
            } else if (step instanceof Wait w) {
                clock = clock.plusHours(w.hours());
            } else if (step instanceof Redeliver r) {
                if (!all.isEmpty()) {
                    ConsumerRecord<String, String> again = all.get(all.size() - 1 - r.back() % all.size());
                    append(again.topic(), again.key(), again.value());
                }
            } else if (step instanceof Resend r) {
                if (!all.isEmpty()) {
                    ConsumerRecord<String, String> old = all.get(all.size() - 1 - r.back() % all.size());
                    append(old.topic(), old.key(), withNewId(old.value()));
                }
            } else if (step instanceof Late l) {
                late = l.days();
            }
        }

        private void organisation(Organisation o) {
            int index = o.index() % 4;
            OrganisationState s = new OrganisationState(odsCode(index), "Reference NHS Trust " + index, REGIONS[o.region() % REGIONS.length],
                    TYPES[o.type() % TYPES.length], false, "QAA", 1 + o.segment() % 5);
            if (index < organisations.size()) {
                organisations.set(index, s);
                send(Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_UPDATED, s.odsCode(), s);
            } else {
                organisations.add(s);
                send(Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_CREATED, s.odsCode(), s);
            }
        }

        /** Posts may name an organisation whose event has not come yet (codes 0 to 3 exist in principle). */
        private void newPost(NewPost p) {
            String ods = odsCode(p.organisation() % 4);
            BoardRole role = ROLES[p.role() % ROLES.length];
            if (posts.stream().anyMatch(x -> x.odsCode().equals(ods) && x.role() == role)) {
                return;
            }
            PostState s = new PostState(uuid(), ods, role);
            posts.add(s);
            send(Topics.VACANCY_EVENTS, VacancyEventTypes.POST_CREATED, s.postId().toString(), s);
        }

        private void incumbent(Incumbent i) {
            if (posts.isEmpty()) {
                return;
            }
            int index = i.post() % posts.size();
            PostState p = posts.get(index);
            UUID holder = i.candidate() < 0 || candidates.isEmpty() ? null : candidates.get(i.candidate() % candidates.size()).candidateId();
            PostState.Departure departure = p.incumbent() == null ? p.lastDeparture() : new PostState.Departure(eventDay(), LeavingReason.RESIGNED);
            PostState next = new PostState(p.postId(), p.odsCode(), p.role(), new PostState.Incumbent(holder, eventDay(), i.interim()),
                    departure, p.interimCover());
            posts.set(index, next);
            send(Topics.VACANCY_EVENTS, VacancyEventTypes.POST_INCUMBENT_CHANGED, p.postId().toString(), next);
        }

        private void interim(Interim i) {
            if (posts.isEmpty()) {
                return;
            }
            int index = i.post() % posts.size();
            PostState p = posts.get(index);
            PostState.InterimCover cover = i.candidate() == -2 ? null
                    : new PostState.InterimCover(i.candidate() < 0 || candidates.isEmpty() ? null
                    : candidates.get(i.candidate() % candidates.size()).candidateId(), eventDay());
            PostState next = new PostState(p.postId(), p.odsCode(), p.role(), p.incumbent(), p.lastDeparture(), cover);
            posts.set(index, next);
            send(Topics.VACANCY_EVENTS, VacancyEventTypes.POST_INTERIM_COVER_CHANGED, p.postId().toString(), next);
        }

        private void vacancy(Vacancy v) {
            if (posts.isEmpty()) {
                return;
            }
            int index = v.post() % posts.size();
            PostState post = posts.get(index);
            VacancyState open = openVacancies.get(index);
            LocalDate day = eventDay();
            VacancyState next;
            String type;
            if (open == null) {
                next = new VacancyState(uuid(), post.postId(), post.odsCode(), post.role(), VacancyStatus.OPEN, day.plusDays(30), day,
                        0, 0, 0, 0, List.of(), null, null, null, null, null);
                type = VacancyEventTypes.VACANCY_CREATED;
            } else {
                int received = open.applicationsReceived();
                int withdrawn = open.applicationsWithdrawn();
                int shortlist = open.shortlistSize();
                VacancyStatus status = open.status();
                LocalDate filled = null;
                LocalDate closed = null;
                switch (v.what() % 5) {
                    case 0 -> {
                        received++;
                        type = VacancyEventTypes.VACANCY_APPLICATION_RECEIVED;
                    }
                    case 1 -> {
                        withdrawn = Math.min(received, withdrawn + 1);
                        type = VacancyEventTypes.VACANCY_APPLICATION_WITHDRAWN;
                    }
                    case 2 -> {
                        shortlist = Math.min(received - withdrawn, 1 + v.what() % 3);
                        status = VacancyStatus.SHORTLISTING;
                        type = VacancyEventTypes.VACANCY_SHORTLIST_CHANGED;
                    }
                    case 3 -> {
                        status = VacancyStatus.FILLED;
                        filled = day;
                        type = VacancyEventTypes.VACANCY_FILLED;
                    }
                    default -> {
                        status = VacancyStatus.LAPSED;
                        closed = day;
                        type = VacancyEventTypes.VACANCY_STATUS_CHANGED;
                    }
                }
                next = new VacancyState(open.vacancyId(), open.postId(), open.odsCode(), open.role(), status, open.closingDate(),
                        open.firstAdvertisedOn(), 0, received, withdrawn, shortlist, List.of(), null, null, filled, null, closed);
            }
            if (next.status().active()) {
                openVacancies.put(index, next);
            } else {
                openVacancies.remove(index);
            }
            send(Topics.VACANCY_EVENTS, type, next.vacancyId().toString(), next);
        }

        private void register(Register r) {
            CandidateState c = new CandidateState(uuid(), CandidateStatus.ACTIVE, List.of(),
                    new CandidateState.FitAndProper(FitAndProperStatus.PENDING, null), mobility(r.regions(), r.types(), r.challenged()),
                    List.of(), List.of());
            candidates.add(c);
            send(Topics.CANDIDATE_EVENTS, CandidateEventTypes.REGISTERED, c.candidateId().toString(), c);
        }

        /** Changes a candidate who is still in the pipeline (an erased one's events carry nothing more). */
        private void changeCandidate(int candidate, String type, java.util.function.UnaryOperator<CandidateState> change) {
            if (candidates.isEmpty()) {
                return;
            }
            int index = candidate % candidates.size();
            CandidateState c = candidates.get(index);
            if (c.status() == CandidateStatus.ERASED) {
                return;
            }
            CandidateState next = change.apply(c);
            candidates.set(index, next);
            send(Topics.CANDIDATE_EVENTS, type, next.candidateId().toString(), next);
        }

        private CandidateState with(CandidateState c, CandidateStatus status, List<CandidateState.RoleReadiness> readiness,
                                    CandidateState.FitAndProper fit, CandidateState.Mobility mobility,
                                    List<CandidateState.Nomination> nominations, List<CandidateState.Exit> exits) {
            return new CandidateState(c.candidateId(), status, readiness, fit, mobility, nominations, exits);
        }

        private CandidateState.Mobility mobility(int regions, int types, boolean challenged) {
            List<Region> r = new ArrayList<>();
            for (int i = 0; i < REGIONS.length; i++) {
                if ((regions >> i & 1) == 1) {
                    r.add(REGIONS[i]);
                }
            }
            List<OrganisationType> t = new ArrayList<>();
            for (int i = 0; i < TYPES.length; i++) {
                if ((types >> i & 1) == 1) {
                    t.add(TYPES[i]);
                }
            }
            return new CandidateState.Mobility(r, t, challenged);
        }

        /** The time the next event is stamped with: the clock, or some days before it once. */
        private OffsetDateTime eventTime() {
            return clock.minusDays(late);
        }

        private LocalDate eventDay() {
            return eventTime().toLocalDate();
        }

        private void send(String topic, String type, String key, Object state) {
            long version = versions.merge(key, 1L, Long::sum);
            append(topic, key, EventFactory.toJson(uuid(), topic.equals(Topics.VACANCY_EVENTS) ? "/vacancy-service" : "/candidate-service",
                    type, key, eventTime(), version, List.of("reference"), state));
            late = 0;
        }

        /** A record on the key's partition (of three) at the next offset there. */
        private void append(String topic, String key, String json) {
            int partition = Math.floorMod(key.hashCode(), 3);
            long offset = offsets.merge(topic + "-" + partition, 1L, Long::sum) - 1;
            ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, partition, offset, key, json);
            topics.get(topic).add(record);
            all.add(record);
        }

        /** Both topics, each in its own order, taken in a seeded random order (one may run ahead of the other). */
        List<ConsumerRecord<String, String>> interleaved() {
            Random order = new Random(interleave);
            List<ConsumerRecord<String, String>> vacancy = topics.get(Topics.VACANCY_EVENTS);
            List<ConsumerRecord<String, String>> candidate = topics.get(Topics.CANDIDATE_EVENTS);
            int bias = order.nextInt(5); // 0: balanced ... 4: one topic mostly ahead
            boolean vacancyAhead = order.nextBoolean();
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            int v = 0;
            int c = 0;
            while (v < vacancy.size() || c < candidate.size()) {
                boolean takeVacancy = c >= candidate.size()
                        || v < vacancy.size() && order.nextInt(10) < (vacancyAhead ? 5 + bias : 5 - bias);
                out.add(takeVacancy ? vacancy.get(v++) : candidate.get(c++));
            }
            return out;
        }

        private String withNewId(String json) {
            try {
                ObjectNode event = (ObjectNode) EventJson.mapper().readTree(json);
                event.put("id", uuid().toString());
                return EventJson.mapper().writeValueAsString(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private UUID uuid() {
            return new UUID(ids.nextLong(), ids.nextLong());
        }

        private String odsCode(int index) {
            return "RF" + index;
        }
    }
}
