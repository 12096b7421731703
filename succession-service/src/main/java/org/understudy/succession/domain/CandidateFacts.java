package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the rules need to know about a candidate: ids, statuses, dates and where they would work. */
public record CandidateFacts(UUID candidateId, CandidateStatus status, FitAndProperStatus fitStatus, LocalDate fitCheckedOn,
                             Set<Region> regions, Set<OrganisationType> organisationTypes, boolean considersChallenged,
                             Map<BoardRole, Assessment> readiness, Map<UUID, Assessment> nominations) {

    /** A readiness level and the date it was assessed (for a role, or for a named post). */
    public record Assessment(ReadinessLevel level, LocalDate on) {
    }
}
