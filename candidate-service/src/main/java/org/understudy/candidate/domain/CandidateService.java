package org.understudy.candidate.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.understudy.candidate.events.CandidateEventPublisher;
import org.understudy.candidate.persistence.CandidateRepository;
import org.understudy.candidate.persistence.CareerExitRepository;
import org.understudy.candidate.persistence.NominationRepository;
import org.understudy.candidate.persistence.ReadinessAssessmentRepository;
import org.understudy.events.CandidateEventTypes;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.platform.problem.ApiProblem;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers, changes, withdraws and erases candidates. Each change locks the candidate's row,
 * grows its version by one and appends its event, in one transaction.
 */
@ApplicationScoped
public class CandidateService {
    @Inject
    CandidateRepository candidates;

    @Inject
    ReadinessAssessmentRepository assessments;

    @Inject
    NominationRepository nominations;

    @Inject
    CareerExitRepository exits;

    @Inject
    CandidateEventPublisher events;

    @Inject
    Clock clock;

    @Transactional
    public Candidate register(CandidateProfile profile) {
        if (candidates.emailTaken(profile.email(), null)) {
            throw emailConflict(profile.email());
        }
        Candidate candidate = registered(profile, OffsetDateTime.now(clock));
        persistGuardingEmail(candidate);
        events.publish(CandidateEventTypes.REGISTERED, candidate, List.of("created"));
        return candidate;
    }

    /**
     * Registers several candidates in the caller's transaction, asking once whether any of their e-mail
     * addresses is taken, and leaving the writes to the caller's flush (batched). Refuses them all (409
     * naming {@code email}) when an address is taken or appears twice among them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Candidate> registerAll(List<CandidateProfile> profiles) {
        Set<String> emails = new HashSet<>();
        for (CandidateProfile profile : profiles) {
            if (!emails.add(profile.email().toLowerCase(Locale.ROOT))) {
                throw emailConflict(profile.email());
            }
        }
        candidates.takenEmails(emails).stream().findFirst().ifPresent(taken -> {
            throw emailConflict(taken);
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Candidate> made = profiles.stream().map(p -> registered(p, now)).toList();
        made.forEach(candidates::persist);
        made.forEach(c -> events.publish(CandidateEventTypes.REGISTERED, c, List.of("created")));
        return made;
    }

    private static Candidate registered(CandidateProfile profile, OffsetDateTime now) {
        Candidate candidate = new Candidate();
        candidate.candidateId = UUID.randomUUID();
        candidate.status = CandidateStatus.ACTIVE;
        candidate.apply(profile);
        candidate.fitAndProperStatus = FitAndProperStatus.PENDING;
        candidate.fitAndProperCheckedOn = null;
        candidate.version = 1;
        candidate.createdAt = now;
        candidate.updatedAt = now;
        return candidate;
    }

    public Candidate get(UUID candidateId) {
        return candidates.findByIdOptional(candidateId).orElseThrow(() -> notFound(candidateId));
    }

    public PanacheQuery<Candidate> search(CandidateRepository.Filter filter) {
        return candidates.search(filter);
    }

    /**
     * Locks a candidate for a change: refuses an unknown (404) or erased (409) candidate, and a
     * stale If-Match version (409). The lock holds until the caller's transaction ends.
     *
     * @param expectedVersion the version the client last read (If-Match), or null to skip the check
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Candidate lockForChange(UUID candidateId, Long expectedVersion) {
        Candidate candidate = changeable(candidates.findForUpdate(candidateId).orElse(null), candidateId);
        if (expectedVersion != null && expectedVersion != candidate.version) {
            throw ApiProblem.conflict("If-Match", "candidate " + candidateId + " is at version " + candidate.version
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        return candidate;
    }

    /** {@link #lockForChange} for several candidates at once (no If-Match): each by its id. */
    public Map<UUID, Candidate> lockAllForChange(Collection<UUID> candidateIds) {
        Map<UUID, Candidate> locked = new HashMap<>();
        for (Candidate candidate : candidates.findAllForUpdate(candidateIds)) {
            locked.put(candidate.candidateId, candidate);
        }
        candidateIds.forEach(id -> changeable(locked.get(id), id));
        return locked;
    }

    /** The candidate, when there is one and it was not erased (404, 409 otherwise). */
    private static Candidate changeable(Candidate candidate, UUID candidateId) {
        if (candidate == null) {
            throw notFound(candidateId);
        }
        if (candidate.erased()) {
            throw ApiProblem.conflict("candidateId", "candidate " + candidateId + " was erased; nothing about it can change");
        }
        return candidate;
    }

    /**
     * Replaces the profile of a candidate locked by {@link #lockForChange}; publishes
     * candidate.updated naming the changed fields, or does nothing when nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Candidate update(Candidate candidate, CandidateProfile profile) {
        if (!profile.email().equalsIgnoreCase(candidate.email) && candidates.emailTaken(profile.email(), candidate.candidateId)) {
            throw emailConflict(profile.email());
        }
        List<String> changed = candidate.apply(profile);
        if (!changed.isEmpty()) {
            candidate.changed(OffsetDateTime.now(clock));
            flushGuardingEmail(profile.email());
            events.publish(CandidateEventTypes.UPDATED, candidate, changed);
        }
        return candidate;
    }

    /** Takes an active candidate out of the pipeline, keeping everything; publishes candidate.withdrawn. */
    @Transactional
    public Candidate withdraw(UUID candidateId, Long expectedVersion) {
        Candidate candidate = lockForChange(candidateId, expectedVersion);
        if (candidate.status != CandidateStatus.ACTIVE) {
            throw ApiProblem.conflict("candidateId", "candidate " + candidateId + " is already " + candidate.status);
        }
        candidate.status = CandidateStatus.WITHDRAWN;
        candidate.changed(OffsetDateTime.now(clock));
        events.publish(CandidateEventTypes.WITHDRAWN, candidate, List.of("status"));
        return candidate;
    }

    /**
     * Erases a candidate: the personal data is set to null for good, and everything else about the
     * person (readiness history, fit-and-proper status, mobility, nominations, exits) is deleted; the
     * id stays, with status ERASED. Publishes candidate.erased, whose state carries only the id and the
     * status, so that every consumer can drop the candidate. Erasing an erased candidate changes nothing.
     *
     * @return true when this call erased the candidate, false when it was erased already
     */
    @Transactional
    public boolean erase(UUID candidateId, Long expectedVersion) {
        Candidate candidate = candidates.findForUpdate(candidateId).orElseThrow(() -> notFound(candidateId));
        if (candidate.erased()) {
            return false;
        }
        if (expectedVersion != null && expectedVersion != candidate.version) {
            throw ApiProblem.conflict("If-Match", "candidate " + candidateId + " is at version " + candidate.version
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        List<String> changed = new ArrayList<>(List.of("status", "personalData"));
        CandidateView before = new CandidateView(candidate, assessments.currentFor(List.of(candidateId)), List.of(),
                nominations.of(List.of(candidateId)), exits.of(List.of(candidateId)));
        if (!before.readiness().isEmpty()) {
            changed.add("readiness");
        }
        if (candidate.fitAndProperStatus != FitAndProperStatus.PENDING || candidate.fitAndProperCheckedOn != null) {
            changed.add("fitAndProper");
        }
        if (!candidate.regions.isEmpty() || !candidate.organisationTypes.isEmpty() || candidate.considersChallengedOrganisations) {
            changed.add("mobility");
        }
        if (!before.nominations().isEmpty()) {
            changed.add("nominations");
        }
        if (!before.exits().isEmpty()) {
            changed.add("exits");
        }
        assessments.delete("candidateId", candidateId);
        nominations.delete("candidateId", candidateId);
        exits.delete("candidateId", candidateId);
        candidate.name = null;
        candidate.email = null;
        candidate.phone = null;
        candidate.currentJobTitle = null;
        candidate.currentOrganisationOdsCode = null;
        candidate.notes = null;
        candidate.regions.clear();
        candidate.organisationTypes.clear();
        candidate.considersChallengedOrganisations = false;
        candidate.fitAndProperStatus = FitAndProperStatus.PENDING;
        candidate.fitAndProperCheckedOn = null;
        candidate.status = CandidateStatus.ERASED;
        OffsetDateTime now = OffsetDateTime.now(clock);
        candidate.erasedAt = now;
        candidate.changed(now);
        events.publish(CandidateEventTypes.ERASED, candidate, changed);
        return true;
    }

    static ApiProblem notFound(UUID candidateId) {
        return ApiProblem.notFound("candidateId", "no candidate with id " + candidateId);
    }

    private static ApiProblem emailConflict(String email) {
        return ApiProblem.conflict("email", "a candidate with this e-mail address is already registered");
    }

    /** Inserts; a concurrent registration with the same e-mail that slipped past the check is a 409, not a 500. */
    private void persistGuardingEmail(Candidate candidate) {
        try {
            candidates.persistAndFlush(candidate);
        } catch (PersistenceException e) {
            throw uniqueEmailViolation(e) ? emailConflict(candidate.email) : e;
        }
    }

    private void flushGuardingEmail(String email) {
        try {
            candidates.flush();
        } catch (PersistenceException e) {
            throw uniqueEmailViolation(e) ? emailConflict(email) : e;
        }
    }

    private static boolean uniqueEmailViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("candidate_email_unique")) {
                return true;
            }
        }
        return false;
    }
}
