package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.candidate.domain.CareerExit;
import org.understudy.events.BoardRole;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CareerExitRepository implements PanacheRepositoryBase<CareerExit, UUID> {

    public boolean exists(UUID candidateId, String odsCode, BoardRole role, LocalDate date) {
        return count("candidateId = ?1 AND odsCode = ?2 AND role = ?3 AND date = ?4", candidateId, odsCode, role, date) > 0;
    }

    /** Exits of each candidate, ordered by candidate, then date, then id. */
    public List<CareerExit> of(Collection<UUID> candidateIds) {
        return candidateIds.isEmpty() ? List.of()
                : list(CandidateIdsParameter.condition(candidateIds), Sort.by("candidateId").and("date").and("exitId"),
                CandidateIdsParameter.value(candidateIds));
    }
}
