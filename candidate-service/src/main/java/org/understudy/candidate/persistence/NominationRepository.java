package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.candidate.domain.Nomination;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NominationRepository implements PanacheRepositoryBase<Nomination, UUID> {

    public Optional<Nomination> find(UUID candidateId, UUID postId) {
        return find("candidateId = ?1 AND postId = ?2", candidateId, postId).firstResultOptional();
    }

    /** Nominations of each candidate, ordered by candidate, then date, then post. */
    public List<Nomination> of(Collection<UUID> candidateIds) {
        return candidateIds.isEmpty() ? List.of()
                : list(CandidateIdsParameter.condition(candidateIds), Sort.by("candidateId").and("nominatedOn").and("postId"),
                CandidateIdsParameter.value(candidateIds));
    }
}
