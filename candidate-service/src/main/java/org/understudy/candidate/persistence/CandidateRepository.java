package org.understudy.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.candidate.domain.Candidate;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    /** Loads a candidate locked for update, so that concurrent changes apply one after the other. */
    public Optional<Candidate> findForUpdate(UUID candidateId) {
        return findByIdOptional(candidateId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** These candidates, locked for a change in the order of their ids (so that two such locks cannot deadlock). */
    public List<Candidate> findAllForUpdate(Collection<UUID> candidateIds) {
        return candidateIds.isEmpty() ? List.of()
                : find(CandidateIdsParameter.condition(candidateIds), Sort.by("candidateId"), CandidateIdsParameter.value(candidateIds))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** True when another candidate is registered with this e-mail address (case-insensitive). */
    public boolean emailTaken(String email, UUID except) {
        return count("lower(email) = lower(?1) AND candidateId <> ?2", email,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    /** Those of these e-mail addresses (lower case) that a candidate is registered with. */
    public List<String> takenEmails(Collection<String> lowerCaseEmails) {
        return lowerCaseEmails.isEmpty() ? List.of()
                : getEntityManager().createQuery("SELECT lower(c.email) FROM Candidate c WHERE lower(c.email) IN :emails", String.class)
                .setParameter("emails", lowerCaseEmails).getResultList();
    }

    /** The search criteria of the listing; null means any. */
    public record Filter(CandidateStatus status, BoardRole role, ReadinessLevel readinessLevel, Region region,
                         OrganisationType organisationType, FitAndProperStatus fitAndProperStatus) {
    }

    /**
     * Candidates matching every given criterion, in registration order (then id, so that pages are
     * stable). Role and readiness level match the candidate's current assessment: both together mean
     * "currently assessed at this level for this role".
     */
    public PanacheQuery<Candidate> search(Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.role() != null || filter.readinessLevel() != null) {
            StringBuilder exists = new StringBuilder(
                    "EXISTS (SELECT 1 FROM ReadinessAssessment a WHERE a.candidateId = c.candidateId AND a.current = true");
            if (filter.role() != null) {
                exists.append(" AND a.role = :role");
                params.and("role", filter.role());
            }
            if (filter.readinessLevel() != null) {
                exists.append(" AND a.level = :level");
                params.and("level", filter.readinessLevel());
            }
            where.add(exists.append(")").toString());
        }
        if (filter.region() != null) {
            where.add(":region MEMBER OF c.regions");
            params.and("region", filter.region());
        }
        if (filter.organisationType() != null) {
            where.add(":organisationType MEMBER OF c.organisationTypes");
            params.and("organisationType", filter.organisationType());
        }
        if (filter.fitAndProperStatus() != null) {
            where.add("c.fitAndProperStatus = :fp");
            params.and("fp", filter.fitAndProperStatus());
        }
        String query = "FROM Candidate c" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY c.createdAt, c.candidateId";
        return find(query, params);
    }
}
