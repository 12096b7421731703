package org.understudy.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a candidate as carried in candidate events: only what consumers need to count
 * them (ids, readiness, dates, regions, statuses). Never names, contact details or anything else
 * personal: those stay in candidate-service.
 */
public record CandidateState(
        UUID candidateId,
        CandidateStatus status,
        List<RoleReadiness> readiness,
        FitAndProper fitAndProper,
        Mobility mobility,
        List<Nomination> nominations,
        List<Exit> exits,
        List<RoleReadiness> earlierReadiness) {

    /** A state of an earlier version (without {@code earlierReadiness}) reads as one with none. */
    @JsonCreator
    public CandidateState {
        earlierReadiness = earlierReadiness == null ? List.of() : earlierReadiness;
    }

    /** A state without assessments replaced by later ones. */
    public CandidateState(UUID candidateId, CandidateStatus status, List<RoleReadiness> readiness, FitAndProper fitAndProper,
                          Mobility mobility, List<Nomination> nominations, List<Exit> exits) {
        this(candidateId, status, readiness, fitAndProper, mobility, nominations, exits, List.of());
    }

    /**
     * A readiness assessment for one role: in {@code readiness} the latest per role; in {@code earlierReadiness}
     * (from version 3) each one a later assessment for the same role has replaced, with its own date.
     */
    public record RoleReadiness(BoardRole role, ReadinessLevel level, LocalDate assessedOn) {
    }

    /** Fit and proper person status; checkedOn is the date of the last check (null while PENDING with none). */
    public record FitAndProper(FitAndProperStatus status, LocalDate checkedOn) {
    }

    /** Where the candidate would work. */
    public record Mobility(List<Region> regions, List<OrganisationType> organisationTypes,
                           boolean considersChallengedOrganisations) {
    }

    /** The candidate named as successor for a post, with a readiness for that post. */
    public record Nomination(UUID postId, ReadinessLevel readiness, LocalDate nominatedOn) {
    }

    /** A post the candidate left. postId is null when the post is not tracked by vacancy-service. */
    public record Exit(UUID postId, String odsCode, BoardRole role, LocalDate date, ExitReason reason) {
    }
}
