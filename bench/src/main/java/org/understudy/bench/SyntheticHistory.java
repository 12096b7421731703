package org.understudy.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.EventFactory;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
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

/**
 * Schema-valid events written straight to the topics, shaped like the national stress set: 202 trusts
 * with a chief executive and a chair post each, {@code 20,000 × scale} candidates and about
 * {@code 554,000 × scale} events over three years ending now (about 27 events a candidate: readiness
 * assessments, checks, nominations, moves, exits; and the posts' incumbents and vacancies). About one
 * candidate in eight is ready now for a board role and one in six ready in one to two years, each
 * willing to work in one or two regions and two or three kinds of trust, as in the stress set. Quicker
 * than the public APIs by orders of magnitude, so that sizes ten times the national set take minutes.
 */
final class SyntheticHistory {
    static final int TRUSTS = 202;
    static final int CANDIDATES_AT_SCALE_1 = 20_000;
    static final int CANDIDATE_EVENTS_EACH = 27;

    private final Random random;
    private final Map<String, Long> versions = new HashMap<>();
    private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusYears(3);
    private final OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
    private long written;

    SyntheticHistory(long seed) {
        this.random = new Random(seed);
    }

    /** Writes the history for a scale (1: the national stress set's size); returns the number of events. */
    long write(String bootstrapServers, int scale) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<OrganisationState> trusts = new ArrayList<>();
            List<PostState> posts = new ArrayList<>();
            Region[] regions = Region.values();
            OrganisationType[] types = OrganisationType.TRUSTS.stream().sorted().toArray(OrganisationType[]::new);
            for (int i = 0; i < TRUSTS; i++) {
                OrganisationState o = new OrganisationState(String.format("S%s", Integer.toString(36 * 36 + i, 36).toUpperCase()),
                        "Synthetic NHS Trust " + i, regions[i % regions.length], types[(i / regions.length) % types.length], i % 3 == 0,
                        "QS" + (char) ('A' + i % 26), 1 + random.nextInt(5));
                trusts.add(o);
                send(producer, Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_CREATED, o.odsCode(), at(0), o);
                for (BoardRole role : List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR)) {
                    PostState p = new PostState(UUID.randomUUID(), o.odsCode(), role);
                    posts.add(p);
                    send(producer, Topics.VACANCY_EVENTS, VacancyEventTypes.POST_CREATED, p.postId().toString(), at(0), p);
                }
            }
            int candidates = CANDIDATES_AT_SCALE_1 * scale;
            // Each candidate's events are spread over the three years; written candidate by candidate in
            // slices of time, so that the topics hold them roughly in time order.
            int slices = CANDIDATE_EVENTS_EACH;
            List<CandidateState> states = new ArrayList<>(candidates);
            for (int c = 0; c < candidates; c++) {
                states.add(register(producer, regions, types, 0.0));
            }
            for (int slice = 1; slice < slices; slice++) {
                double when = (double) slice / slices;
                for (int c = 0; c < candidates; c++) {
                    states.set(c, change(producer, states.get(c), posts, trusts, when));
                }
                vacancies(producer, posts, when, scale);
                incumbents(producer, posts, states, when, scale);
            }
            producer.flush();
        }
        return written;
    }

    /** One more candidate, ready now as a chief executive anywhere in London (it changes who counts for some posts). */
    void readyNowCandidate(String bootstrapServers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            CandidateState c = new CandidateState(UUID.randomUUID(), CandidateStatus.ACTIVE,
                    List.of(new CandidateState.RoleReadiness(BoardRole.CHIEF_EXECUTIVE, ReadinessLevel.READY_NOW, today)),
                    new CandidateState.FitAndProper(FitAndProperStatus.PASSED, today),
                    new CandidateState.Mobility(List.of(Region.LONDON), List.copyOf(OrganisationType.TRUSTS), true), List.of(), List.of());
            send(producer, Topics.CANDIDATE_EVENTS, CandidateEventTypes.REGISTERED, c.candidateId().toString(),
                    OffsetDateTime.now(ZoneOffset.UTC), c);
            producer.flush();
        }
    }

    private CandidateState register(KafkaProducer<String, String> producer, Region[] regions, OrganisationType[] types, double when) {
        List<Region> r = new ArrayList<>(List.of(regions[random.nextInt(regions.length)]));
        if (random.nextBoolean()) {
            Region other = regions[random.nextInt(regions.length)];
            if (!r.contains(other)) {
                r.add(other);
            }
        }
        List<OrganisationType> t = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        while (t.size() < n) {
            OrganisationType pick = types[random.nextInt(types.length)];
            if (!t.contains(pick)) {
                t.add(pick);
            }
        }
        CandidateState s = new CandidateState(UUID.randomUUID(), CandidateStatus.ACTIVE, List.of(),
                new CandidateState.FitAndProper(FitAndProperStatus.PENDING, null), new CandidateState.Mobility(r, t, random.nextInt(4) == 0),
                List.of(), List.of());
        send(producer, Topics.CANDIDATE_EVENTS, CandidateEventTypes.REGISTERED, s.candidateId().toString(), at(when), s);
        return s;
    }

    /** One change of a candidate at a moment of the history: mostly assessments and checks. */
    private CandidateState change(KafkaProducer<String, String> producer, CandidateState c, List<PostState> posts, List<OrganisationState> trusts,
                                  double when) {
        OffsetDateTime time = at(when + random.nextDouble() / CANDIDATE_EVENTS_EACH);
        LocalDate day = time.toLocalDate();
        List<CandidateState.RoleReadiness> readiness = new ArrayList<>(c.readiness());
        CandidateState.FitAndProper fit = c.fitAndProper();
        List<CandidateState.Nomination> nominations = new ArrayList<>(c.nominations());
        List<CandidateState.Exit> exits = new ArrayList<>(c.exits());
        String type;
        int what = random.nextInt(100);
        if (what < 55) {
            BoardRole role = random.nextBoolean() ? BoardRole.CHIEF_EXECUTIVE : BoardRole.CHAIR;
            double r = random.nextDouble();
            ReadinessLevel level = r < 0.125 ? ReadinessLevel.READY_NOW : r < 0.29 ? ReadinessLevel.READY_1_2_YEARS
                    : r < 0.6 ? ReadinessLevel.READY_3_PLUS : ReadinessLevel.NOT_READY;
            readiness.removeIf(x -> x.role() == role);
            readiness.add(new CandidateState.RoleReadiness(role, level, day.minusDays(random.nextInt(30))));
            type = CandidateEventTypes.READINESS_ASSESSED;
        } else if (what < 85) {
            fit = new CandidateState.FitAndProper(random.nextInt(50) == 0 ? FitAndProperStatus.FAILED : FitAndProperStatus.PASSED,
                    day.minusDays(random.nextInt(20)));
            type = CandidateEventTypes.FIT_AND_PROPER_RECORDED;
        } else if (what < 92) {
            UUID post = posts.get(random.nextInt(posts.size())).postId();
            nominations.removeIf(n -> n.postId().equals(post));
            nominations.add(new CandidateState.Nomination(post, random.nextInt(3) == 0 ? ReadinessLevel.READY_NOW : ReadinessLevel.READY_1_2_YEARS,
                    day));
            type = CandidateEventTypes.NOMINATED;
        } else {
            OrganisationState o = trusts.get(random.nextInt(trusts.size()));
            exits.add(new CandidateState.Exit(null, o.odsCode(), BoardRole.CHIEF_FINANCIAL_OFFICER, day.minusDays(random.nextInt(60)),
                    ExitReason.values()[random.nextInt(ExitReason.values().length)]));
            type = CandidateEventTypes.EXIT_RECORDED;
        }
        CandidateState next = new CandidateState(c.candidateId(), c.status(), readiness, fit, c.mobility(), nominations, exits);
        send(producer, Topics.CANDIDATE_EVENTS, type, c.candidateId().toString(), time, next);
        return next;
    }

    /** About one vacancy a year per post, each a few events (advert, applications, shortlist, filled or lapsed). */
    private void vacancies(KafkaProducer<String, String> producer, List<PostState> posts, double when, int scale) {
        for (PostState p : posts) {
            if (random.nextInt(CANDIDATE_EVENTS_EACH / 3 + 1) != 0) {
                continue;
            }
            OffsetDateTime time = at(when);
            LocalDate day = time.toLocalDate();
            UUID id = UUID.randomUUID();
            int received = 0;
            for (int step = 0; step < 2 + scale; step++) {
                received += random.nextInt(3);
                VacancyStatus status = step == 0 ? VacancyStatus.OPEN : VacancyStatus.SHORTLISTING;
                send(producer, Topics.VACANCY_EVENTS, step == 0 ? VacancyEventTypes.VACANCY_CREATED : VacancyEventTypes.VACANCY_APPLICATION_RECEIVED,
                        id.toString(), time.plusHours(step), new VacancyState(id, p.postId(), p.odsCode(), p.role(), status, day.plusDays(30), day, 0,
                                received, 0, Math.min(received, step), List.of(), null, null, null, null, null));
            }
            send(producer, Topics.VACANCY_EVENTS, VacancyEventTypes.VACANCY_STATUS_CHANGED, id.toString(), time.plusHours(3 + scale),
                    new VacancyState(id, p.postId(), p.odsCode(), p.role(), VacancyStatus.LAPSED, day.plusDays(30), day, 0, received, 0,
                            Math.min(received, 2), List.of(), null, null, null, null, day));
        }
    }

    /** Now and then a post's incumbent changes (a pipeline candidate, or someone from outside it). */
    private void incumbents(KafkaProducer<String, String> producer, List<PostState> posts, List<CandidateState> candidates, double when,
                            int scale) {
        for (int i = 0; i < posts.size(); i++) {
            if (random.nextInt(40) != 0) {
                continue;
            }
            PostState p = posts.get(i);
            OffsetDateTime time = at(when);
            UUID holder = random.nextBoolean() ? candidates.get(random.nextInt(candidates.size())).candidateId() : null;
            PostState next = new PostState(p.postId(), p.odsCode(), p.role(), new PostState.Incumbent(holder, time.toLocalDate(), false),
                    p.incumbent() == null ? null : new PostState.Departure(time.toLocalDate(), org.understudy.events.LeavingReason.RESIGNED),
                    p.interimCover());
            posts.set(i, next);
            send(producer, Topics.VACANCY_EVENTS, VacancyEventTypes.POST_INCUMBENT_CHANGED, p.postId().toString(), time, next);
        }
    }

    private OffsetDateTime at(double when) {
        long span = java.time.Duration.between(start, end).getSeconds();
        return start.plusSeconds((long) (Math.min(1.0, when) * span));
    }

    private void send(KafkaProducer<String, String> producer, String topic, String type, String key, OffsetDateTime time, Object state) {
        long version = versions.merge(key, 1L, Long::sum);
        producer.send(new ProducerRecord<>(topic, key, EventFactory.toJson(UUID.randomUUID(), topic.equals(Topics.VACANCY_EVENTS)
                ? "/vacancy-service" : "/candidate-service", type, key, time, version, List.of("synthetic"), state)));
        written++;
    }
}
