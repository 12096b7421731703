package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.candidate.domain.ReadinessAssessment;
import org.understudy.events.BoardRole;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReadinessAssessmentRepository implements PanacheRepositoryBase<ReadinessAssessment, UUID> {

    public Optional<ReadinessAssessment> current(UUID candidateId, BoardRole role) {
        return find("candidateId = ?1 AND role = ?2 AND current = true", candidateId, role).firstResultOptional();
    }

    /** The current assessment per role of each candidate, ordered by candidate then role. */
    public List<ReadinessAssessment> currentFor(Collection<UUID> candidateIds) {
        return candidateIds.isEmpty() ? List.of()
                : list(CandidateIdsParameter.condition(candidateIds) + " AND current = true", Sort.by("candidateId").and("role"),
                CandidateIdsParameter.value(candidateIds));
    }

    /** The assessments of these candidates that a later one for the same role has replaced. */
    public List<ReadinessAssessment> earlierFor(Collection<UUID> candidateIds) {
        return candidateIds.isEmpty() ? List.of()
                : list(CandidateIdsParameter.condition(candidateIds) + " AND current = false", Sort.by("candidateId").and("role"),
                CandidateIdsParameter.value(candidateIds));
    }

    /** Every assessment of a candidate, newest first: by the date assessed, then the later recorded. */
    public PanacheQuery<ReadinessAssessment> history(UUID candidateId, BoardRole role) {
        Sort sort = Sort.descending("assessedOn", "recordedAt", "assessmentId");
        return role == null ? find("candidateId = ?1", sort, candidateId)
                : find("candidateId = ?1 AND role = ?2", sort, candidateId, role);
    }

    /** Marks the current assessment of this role as superseded (runs at once, before the new one is inserted). */
    public void supersede(UUID candidateId, BoardRole role) {
        update("current = false WHERE candidateId = ?1 AND role = ?2 AND current = true", candidateId, role);
    }
}
