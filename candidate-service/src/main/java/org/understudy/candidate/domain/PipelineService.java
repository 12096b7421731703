package org.understudy.candidate.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.candidate.events.CandidateEventPublisher;
import org.understudy.candidate.persistence.CareerExitRepository;
import org.understudy.candidate.persistence.KnownPostRepository;
import org.understudy.candidate.persistence.NominationRepository;
import org.understudy.candidate.persistence.ReadinessAssessmentRepository;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CandidateStatus;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.ReadinessLevel;
import org.understudy.platform.problem.ApiProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What makes a candidate count in the succession view: readiness per role, fit-and-proper status,
 * named successor nominations and career exits. Each change locks the candidate (refusing an erased
 * one or a stale If-Match), grows its version by one and appends its event, in one transaction.
 */
@ApplicationScoped
public class PipelineService {
    @Inject
    CandidateService candidates;

    @Inject
    ReadinessAssessmentRepository assessments;

    @Inject
    NominationRepository nominations;

    @Inject
    CareerExitRepository exits;

    @Inject
    KnownPostRepository knownPosts;

    @Inject
    CandidateEventPublisher events;

    @Inject
    CandidateViews views;

    @Inject
    Today today;

    @Inject
    Clock clock;

    /** A recorded change and the candidate's version after it. */
    public record Recorded<T>(T value, long candidateVersion) {
    }

    /**
     * Records a readiness assessment; it becomes the current one for its role. An assessment dated
     * before the current one for the same role is refused (409 naming assessedOn): the history stays
     * in date order and the current one is always the latest.
     */
    @Transactional
    public Recorded<ReadinessAssessment> assessReadiness(UUID candidateId, BoardRole role, ReadinessLevel level,
                                                         LocalDate assessedOn, String assessedBy, Long expectedVersion) {
        return recordAssessment(candidateId, role, level, assessedOn, assessedBy, expectedVersion, false);
    }

    /**
     * Records an assessment from a client's past records, whatever its date: dated before the current
     * one for its role, it joins the history in its place and the current one stays (the candidate's
     * event carries it among the assessments later ones replaced, for the view's history by date);
     * otherwise it becomes the current one.
     */
    @Transactional
    public Recorded<ReadinessAssessment> recordPastAssessment(UUID candidateId, BoardRole role, ReadinessLevel level,
                                                              LocalDate assessedOn, String assessedBy) {
        return recordAssessment(candidateId, role, level, assessedOn, assessedBy, null, true);
    }

    /** A dated assessment to record, as {@link #recordPastAssessment} takes it. */
    public record PastAssessment(UUID candidateId, BoardRole role, ReadinessLevel level, LocalDate assessedOn, String assessedBy) {
    }

    /**
     * {@link #recordPastAssessment} for several assessments, in their order, with the same outcome and the
     * same events (one each, the candidate's version growing by one each time): the candidates are locked
     * and their state read once, each assessment applied to that state in memory, and the records written
     * together when the transaction flushes. Any refusal refuses them all (the caller then records them one
     * by one). The ids of the assessments made, in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordPastAssessments(List<PastAssessment> past) {
        past.forEach(a -> today.requirePast(a.assessedOn(), "assessedOn"));
        Map<UUID, Candidate> locked = candidates.lockAllForChange(past.stream().map(PastAssessment::candidateId).distinct().sorted().toList());
        Map<UUID, HeldState> held = new HashMap<>();
        for (CandidateView view : views.of(List.copyOf(locked.values()))) {
            held.put(view.candidate().candidateId, new HeldState(view));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ReadinessAssessment> made = new ArrayList<>(past.size());
        for (PastAssessment a : past) {
            HeldState state = held.get(a.candidateId());
            ReadinessAssessment current = state.current.stream().filter(c -> c.role == a.role()).findFirst().orElse(null);
            boolean earlier = current != null && a.assessedOn().isBefore(current.assessedOn);
            ReadinessAssessment assessment = assessment(a.candidateId(), a.role(), a.level(), a.assessedOn(), a.assessedBy(), now, !earlier);
            if (earlier) {
                state.earlier.add(assessment);
            } else {
                if (current != null) {
                    current.current = false;
                    state.current.remove(current);
                    state.earlier.add(current);
                }
                state.current.add(assessment);
            }
            made.add(assessment);
            state.candidate.changed(now);
            events.publish(CandidateEventTypes.READINESS_ASSESSED, state.view(), List.of(earlier ? "earlierReadiness" : "readiness"));
        }
        // The replaced current assessments are written before the new ones: one current per candidate and role, always.
        assessments.flush();
        made.forEach(assessments::persist);
        return made.stream().map(m -> m.assessmentId).toList();
    }

    private static ReadinessAssessment assessment(UUID candidateId, BoardRole role, ReadinessLevel level, LocalDate assessedOn,
                                                  String assessedBy, OffsetDateTime recordedAt, boolean current) {
        ReadinessAssessment assessment = new ReadinessAssessment();
        assessment.assessmentId = UUID.randomUUID();
        assessment.candidateId = candidateId;
        assessment.role = role;
        assessment.level = level;
        assessment.assessedOn = assessedOn;
        assessment.assessedBy = assessedBy;
        assessment.recordedAt = recordedAt;
        assessment.current = current;
        return assessment;
    }

    /** A locked candidate's state while a chunk of changes is applied to it in memory. */
    private static final class HeldState {
        final Candidate candidate;
        final List<ReadinessAssessment> current;
        final List<ReadinessAssessment> earlier;
        final List<Nomination> nominations;
        final List<CareerExit> exits;

        HeldState(CandidateView view) {
            candidate = view.candidate();
            current = new ArrayList<>(view.readiness());
            earlier = new ArrayList<>(view.earlierReadiness());
            nominations = view.nominations();
            exits = view.exits();
        }

        CandidateView view() {
            return new CandidateView(candidate, List.copyOf(current), List.copyOf(earlier), nominations, exits);
        }
    }

    private Recorded<ReadinessAssessment> recordAssessment(UUID candidateId, BoardRole role, ReadinessLevel level, LocalDate assessedOn,
                                                           String assessedBy, Long expectedVersion, boolean earlierJoinsHistory) {
        today.requirePast(assessedOn, "assessedOn");
        Candidate candidate = candidates.lockForChange(candidateId, expectedVersion);
        ReadinessAssessment current = assessments.current(candidateId, role).orElse(null);
        boolean earlier = current != null && assessedOn.isBefore(current.assessedOn);
        if (earlier && !earlierJoinsHistory) {
            throw ApiProblem.conflict("assessedOn", "the current " + role + " assessment is dated " + current.assessedOn
                    + "; a new one cannot be dated earlier");
        }
        if (!earlier) {
            assessments.supersede(candidateId, role);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReadinessAssessment assessment = assessment(candidateId, role, level, assessedOn, assessedBy, now, !earlier);
        assessments.persist(assessment);
        candidate.changed(now);
        events.publish(CandidateEventTypes.READINESS_ASSESSED, candidate, List.of(earlier ? "earlierReadiness" : "readiness"));
        return new Recorded<>(assessment, candidate.version);
    }

    /**
     * Records the outcome of a fit and proper person check. PASSED and FAILED need the date of the
     * check; PENDING may carry the date of the last one. A date before the one held is refused (409).
     */
    @Transactional
    public Candidate recordFitAndProper(UUID candidateId, FitAndProperStatus status, LocalDate checkedOn, Long expectedVersion) {
        if (checkedOn == null && status != FitAndProperStatus.PENDING) {
            throw ApiProblem.badRequest("checkedOn", "checkedOn: is required when status is " + status);
        }
        if (checkedOn != null) {
            today.requirePast(checkedOn, "checkedOn");
        }
        Candidate candidate = candidates.lockForChange(candidateId, expectedVersion);
        if (checkedOn != null && candidate.fitAndProperCheckedOn != null && checkedOn.isBefore(candidate.fitAndProperCheckedOn)) {
            throw ApiProblem.conflict("checkedOn", "the last check held is dated " + candidate.fitAndProperCheckedOn
                    + "; a new one cannot be dated earlier");
        }
        if (candidate.fitAndProperStatus == status && Objects.equals(candidate.fitAndProperCheckedOn, checkedOn)) {
            return candidate; // the same outcome again: nothing changes, no event
        }
        candidate.fitAndProperStatus = status;
        candidate.fitAndProperCheckedOn = checkedOn;
        candidate.changed(OffsetDateTime.now(clock));
        events.publish(CandidateEventTypes.FIT_AND_PROPER_RECORDED, candidate, List.of("fitAndProper"));
        return candidate;
    }

    /**
     * Names an active candidate as successor for a post known from vacancy-events (404 naming postId
     * otherwise: a post created a moment ago may not have arrived yet). At most one nomination per
     * candidate and post (409 naming postId).
     */
    @Transactional
    public Recorded<Nomination> nominate(UUID candidateId, UUID postId, ReadinessLevel readiness, Long expectedVersion) {
        return nominate(candidateId, postId, readiness, today.date(), expectedVersion);
    }

    /** Names a successor as {@link #nominate(UUID, UUID, ReadinessLevel, Long)} does, on the day they were named (not in the future). */
    @Transactional
    public Recorded<Nomination> nominate(UUID candidateId, UUID postId, ReadinessLevel readiness, LocalDate nominatedOn,
                                         Long expectedVersion) {
        today.requirePast(nominatedOn, "nominatedOn");
        Candidate candidate = candidates.lockForChange(candidateId, expectedVersion);
        if (candidate.status != CandidateStatus.ACTIVE) {
            throw ApiProblem.conflict("candidateId", "candidate " + candidateId + " is " + candidate.status
                    + " and cannot be nominated");
        }
        if (knownPosts.findByIdOptional(postId).isEmpty()) {
            throw ApiProblem.notFound("postId", "no post with id " + postId + " is known (from vacancy-events); "
                    + "a post created a moment ago may take a few seconds to arrive");
        }
        if (nominations.find(candidateId, postId).isPresent()) {
            throw ApiProblem.conflict("postId", "candidate " + candidateId + " is already nominated for post " + postId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Nomination nomination = new Nomination();
        nomination.nominationId = UUID.randomUUID();
        nomination.candidateId = candidateId;
        nomination.postId = postId;
        nomination.readiness = readiness;
        nomination.nominatedOn = nominatedOn;
        nomination.createdAt = now;
        nominations.persist(nomination);
        candidate.changed(now);
        events.publish(CandidateEventTypes.NOMINATED, candidate, List.of("nominations"));
        return new Recorded<>(nomination, candidate.version);
    }

    /** Withdraws a nomination (404 naming postId when there is none). */
    @Transactional
    public long withdrawNomination(UUID candidateId, UUID postId, Long expectedVersion) {
        Candidate candidate = candidates.lockForChange(candidateId, expectedVersion);
        Nomination nomination = nominations.find(candidateId, postId)
                .orElseThrow(() -> ApiProblem.notFound("postId", "candidate " + candidateId + " is not nominated for post " + postId));
        nominations.delete(nomination);
        candidate.changed(OffsetDateTime.now(clock));
        events.publish(CandidateEventTypes.NOMINATION_WITHDRAWN, candidate, List.of("nominations"));
        return candidate.version;
    }

    /**
     * Records that the candidate left a post. With a postId, the post must be known (404) and the
     * ODS code and role, if given, must be the post's (400); without one, both are required. The same
     * exit (organisation, role, date) twice is a conflict (409 naming date).
     */
    @Transactional
    public Recorded<CareerExit> recordExit(UUID candidateId, UUID postId, String odsCode, BoardRole role,
                                           LocalDate date, ExitReason reason, Long expectedVersion) {
        today.requirePast(date, "date");
        if (postId == null && odsCode == null) {
            throw ApiProblem.badRequest("odsCode", "odsCode: is required when postId is not given");
        }
        if (postId == null && role == null) {
            throw ApiProblem.badRequest("role", "role: is required when postId is not given");
        }
        Candidate candidate = candidates.lockForChange(candidateId, expectedVersion);
        if (postId != null) {
            KnownPost post = knownPosts.findByIdOptional(postId)
                    .orElseThrow(() -> ApiProblem.notFound("postId", "no post with id " + postId + " is known (from vacancy-events); "
                            + "leave postId out to record an exit from a post vacancy-service does not track"));
            if (odsCode != null && !odsCode.equals(post.odsCode)) {
                throw ApiProblem.badRequest("odsCode", "odsCode: post " + postId + " is at " + post.odsCode + ", not " + odsCode);
            }
            if (role != null && role != post.role) {
                throw ApiProblem.badRequest("role", "role: post " + postId + " is a " + post.role + " post, not " + role);
            }
            odsCode = post.odsCode;
            role = post.role;
        }
        if (exits.exists(candidateId, odsCode, role, date)) {
            throw ApiProblem.conflict("date", "an exit from the " + role + " post at " + odsCode + " on " + date
                    + " is already recorded for this candidate");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CareerExit exit = new CareerExit();
        exit.exitId = UUID.randomUUID();
        exit.candidateId = candidateId;
        exit.postId = postId;
        exit.odsCode = odsCode;
        exit.role = role;
        exit.date = date;
        exit.reason = reason;
        exit.recordedAt = now;
        exits.persist(exit);
        candidate.changed(now);
        events.publish(CandidateEventTypes.EXIT_RECORDED, candidate, List.of("exits"));
        return new Recorded<>(exit, candidate.version);
    }

    public List<Nomination> nominationsOf(UUID candidateId) {
        candidates.get(candidateId);
        return nominations.of(List.of(candidateId));
    }

    public List<CareerExit> exitsOf(UUID candidateId) {
        candidates.get(candidateId);
        return exits.of(List.of(candidateId));
    }
}
