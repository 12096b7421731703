package org.understudy.candidate.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.candidate.persistence.CareerExitRepository;
import org.understudy.candidate.persistence.NominationRepository;
import org.understudy.candidate.persistence.ReadinessAssessmentRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assembles {@link CandidateView}s, a page at a time (four queries for the whole page). */
@ApplicationScoped
public class CandidateViews {
    @Inject
    ReadinessAssessmentRepository assessments;

    @Inject
    NominationRepository nominations;

    @Inject
    CareerExitRepository exits;

    public CandidateView of(Candidate candidate) {
        if (candidate.version == 1) {
            return new CandidateView(candidate, List.of(), List.of(), List.of(), List.of()); // just registered: nothing recorded about them yet
        }
        return of(List.of(candidate)).get(0);
    }

    public List<CandidateView> of(List<Candidate> candidates) {
        List<UUID> ids = candidates.stream().map(c -> c.candidateId).toList();
        Map<UUID, List<ReadinessAssessment>> readiness = assessments.currentFor(ids).stream()
                .collect(Collectors.groupingBy(a -> a.candidateId));
        Map<UUID, List<ReadinessAssessment>> earlier = assessments.earlierFor(ids).stream()
                .collect(Collectors.groupingBy(a -> a.candidateId));
        Map<UUID, List<Nomination>> named = nominations.of(ids).stream()
                .collect(Collectors.groupingBy(n -> n.candidateId));
        Map<UUID, List<CareerExit>> left = exits.of(ids).stream()
                .collect(Collectors.groupingBy(e -> e.candidateId));
        return candidates.stream()
                .map(c -> new CandidateView(c,
                        readiness.getOrDefault(c.candidateId, List.of()),
                        c.erased() ? List.of() : earlier.getOrDefault(c.candidateId, List.of()),
                        named.getOrDefault(c.candidateId, List.of()),
                        left.getOrDefault(c.candidateId, List.of())))
                .toList();
    }
}
