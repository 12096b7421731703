package org.understudy.succession;

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
import java.util.UUID;

/**
 * Produces the events vacancy-service and candidate-service would publish, at chosen instants,
 * so that a test can tell a story that takes months. Versions are counted per aggregate.
 */
public final class StoryEvents implements AutoCloseable {
    /** Where the events go: a topic, a record key, the event's JSON. */
    public interface Sink {
        void send(String topic, String key, String json);
    }

    private final Sink sink;
    private final KafkaProducer<String, String> producer;
    private final Map<String, Long> versions = new HashMap<>();

    /** Events published on the broker, each acknowledged before the next. */
    StoryEvents(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
        this.sink = (topic, key, json) -> {
            try {
                producer.send(new ProducerRecord<>(topic, key, json)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Events handed to a sink (a test that applies them itself). */
    public StoryEvents(Sink sink) {
        this.sink = sink;
        this.producer = null;
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(12, 0).atOffset(ZoneOffset.UTC);
    }

    void organisation(String ods, Region region, OrganisationType type, int segment, LocalDate day) {
        organisation(ods, "Story NHS Trust " + ods, region, type, segment, day);
    }

    void organisation(String ods, String name, Region region, OrganisationType type, int segment, LocalDate day) {
        organisation(ods, name, region, type, segment, null, day);
    }

    /** An organisation overseen by an integrated care board (its ODS code; null for none). */
    void organisation(String ods, String name, Region region, OrganisationType type, int segment, String icb, LocalDate day) {
        send(Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_CREATED, ods, day,
                new OrganisationState(ods, name, region, type, false, icb, segment));
    }

    void post(UUID postId, String ods, UUID incumbent, LocalDate since, boolean interim, LocalDate day) {
        post(postId, ods, incumbent, since, interim, at(day));
    }

    void post(UUID postId, String ods, UUID incumbent, LocalDate since, boolean interim, OffsetDateTime at) {
        sendAt(Topics.VACANCY_EVENTS, versions.containsKey(postId.toString()) ? VacancyEventTypes.POST_INCUMBENT_CHANGED : VacancyEventTypes.POST_CREATED,
                postId.toString(), at, new PostState(postId, ods, BoardRole.CHIEF_EXECUTIVE,
                        incumbent == null && since == null ? null : new PostState.Incumbent(incumbent, since, interim), null));
    }

    /**
     * A post event of any type at an exact instant: role, incumbent (null for a vacant post) and interim
     * cover (null for none).
     */
    void post(UUID postId, String ods, BoardRole role, PostState.Incumbent incumbent, PostState.InterimCover cover, String type,
              OffsetDateTime at) {
        sendAt(Topics.VACANCY_EVENTS, type, postId.toString(), at, new PostState(postId, ods, role, incumbent, null, cover));
    }

    /** The post's incumbent left (the post is vacant), on a day and for a reason. */
    void departure(UUID postId, String ods, BoardRole role, LocalDate on, LeavingReason reason) {
        sendAt(Topics.VACANCY_EVENTS, VacancyEventTypes.POST_INCUMBENT_LEFT, postId.toString(), at(on),
                new PostState(postId, ods, role, null, new PostState.Departure(on, reason), null));
    }

    void vacancy(UUID vacancyId, UUID postId, String ods, VacancyStatus status, int received, int withdrawn, int shortlist,
                 LocalDate advertised, LocalDate filled, UUID appointed, LocalDate day) {
        vacancy(vacancyId, postId, ods, status, received, withdrawn, shortlist, advertised, filled, appointed, at(day));
    }

    void vacancy(UUID vacancyId, UUID postId, String ods, VacancyStatus status, int received, int withdrawn, int shortlist,
                 LocalDate advertised, LocalDate filled, UUID appointed, OffsetDateTime at) {
        sendAt(Topics.VACANCY_EVENTS, status == VacancyStatus.FILLED ? VacancyEventTypes.VACANCY_FILLED : VacancyEventTypes.VACANCY_STATUS_CHANGED,
                vacancyId.toString(), at, new VacancyState(vacancyId, postId, ods, BoardRole.CHIEF_EXECUTIVE, status, null, advertised, 0,
                        received, withdrawn, shortlist, List.of(), null, appointed, filled, null, null));
    }

    /** A candidate in a region and type of organisation; builder-like calls below change them and publish. */
    final class Candidate {
        final UUID id = UUID.randomUUID();
        CandidateStatus status = CandidateStatus.ACTIVE;
        FitAndProperStatus fit = FitAndProperStatus.PASSED;
        LocalDate fitOn;
        final List<Region> regions;
        final List<OrganisationType> types;
        boolean challenged;
        final List<CandidateState.RoleReadiness> readiness = new ArrayList<>();
        final List<CandidateState.Nomination> nominations = new ArrayList<>();
        final List<CandidateState.Exit> exits = new ArrayList<>();

        Candidate(Region region, OrganisationType type, LocalDate fitOn) {
            this.regions = List.of(region);
            this.types = List.of(type);
            this.fitOn = fitOn;
        }

        Candidate readyAsCeo(ReadinessLevel level, LocalDate on) {
            readiness.removeIf(r -> r.role() == BoardRole.CHIEF_EXECUTIVE);
            readiness.add(new CandidateState.RoleReadiness(BoardRole.CHIEF_EXECUTIVE, level, on));
            return this;
        }

        Candidate named(UUID postId, ReadinessLevel level, LocalDate on) {
            nominations.removeIf(n -> n.postId().equals(postId));
            nominations.add(new CandidateState.Nomination(postId, level, on));
            return this;
        }

        Candidate fit(FitAndProperStatus status, LocalDate on) {
            fit = status;
            fitOn = on;
            return this;
        }

        Candidate readyAs(BoardRole role, ReadinessLevel level, LocalDate on) {
            readiness.removeIf(r -> r.role() == role);
            readiness.add(new CandidateState.RoleReadiness(role, level, on));
            return this;
        }

        Candidate exit(UUID postId, String ods, BoardRole role, LocalDate on, ExitReason reason) {
            exits.add(new CandidateState.Exit(postId, ods, role, on, reason));
            return this;
        }

        void publish(LocalDate day) {
            publishAt(at(day));
        }

        void publishAt(OffsetDateTime time) {
            sendAt(Topics.CANDIDATE_EVENTS, versions.containsKey(id.toString()) ? CandidateEventTypes.UPDATED : CandidateEventTypes.REGISTERED,
                    id.toString(), time, new CandidateState(id, status, List.copyOf(readiness), new CandidateState.FitAndProper(fit, fitOn),
                            new CandidateState.Mobility(regions, types, challenged), List.copyOf(nominations), List.copyOf(exits)));
        }
    }

    Candidate candidate(Region region, OrganisationType type, LocalDate fitOn) {
        return new Candidate(region, type, fitOn);
    }

    private void send(String topic, String type, String key, LocalDate day, Object state) {
        sendAt(topic, type, key, at(day), state);
    }

    private void sendAt(String topic, String type, String key, OffsetDateTime time, Object state) {
        long version = versions.merge(key, 1L, Long::sum);
        String json = EventFactory.toJson(UUID.randomUUID(), topic.equals(Topics.VACANCY_EVENTS) ? "/vacancy-service" : "/candidate-service",
                type, key, time, version, List.of("story"), state);
        sink.send(topic, key, json);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
