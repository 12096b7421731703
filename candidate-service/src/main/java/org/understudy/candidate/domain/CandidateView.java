package org.understudy.candidate.domain;

import org.understudy.events.CandidateState;

import java.util.Comparator;
import java.util.List;

/**
 * A candidate with what hangs off it: current readiness per role, the assessments later ones replaced,
 * nominations and exits. Its
 * {@link #toState()} is what events carry: no personal data.
 */
public record CandidateView(Candidate candidate, List<ReadinessAssessment> readiness, List<ReadinessAssessment> earlierReadiness,
                            List<Nomination> nominations, List<CareerExit> exits) {

    public CandidateState toState() {
        Candidate c = candidate;
        return new CandidateState(
                c.candidateId,
                c.status,
                readiness.stream()
                        .sorted(Comparator.comparing((ReadinessAssessment a) -> a.role))
                        .map(a -> new CandidateState.RoleReadiness(a.role, a.level, a.assessedOn))
                        .toList(),
                new CandidateState.FitAndProper(c.fitAndProperStatus, c.fitAndProperCheckedOn),
                new CandidateState.Mobility(c.regions.stream().sorted().toList(),
                        c.organisationTypes.stream().sorted().toList(), c.considersChallengedOrganisations),
                nominations.stream()
                        .map(n -> new CandidateState.Nomination(n.postId, n.readiness, n.nominatedOn))
                        .toList(),
                exits.stream()
                        .map(e -> new CandidateState.Exit(e.postId, e.odsCode, e.role, e.date, e.reason))
                        .toList(),
                earlierReadiness.stream()
                        .sorted(Comparator.comparing((ReadinessAssessment a) -> a.role).thenComparing(a -> a.assessedOn, Comparator.reverseOrder()))
                        .map(a -> new CandidateState.RoleReadiness(a.role, a.level, a.assessedOn))
                        .toList());
    }
}
