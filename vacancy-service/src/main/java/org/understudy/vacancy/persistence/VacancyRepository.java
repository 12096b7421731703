package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.events.VacancyStatus;
import org.understudy.vacancy.domain.Vacancy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VacancyRepository implements PanacheRepositoryBase<Vacancy, UUID> {
    private static final List<VacancyStatus> ACTIVE = Arrays.stream(VacancyStatus.values()).filter(VacancyStatus::active).toList();

    /** Loads a vacancy locked for update, so that concurrent changes apply one after the other. */
    public Optional<Vacancy> findForUpdate(UUID vacancyId) {
        return findByIdOptional(vacancyId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The post's vacancy in play (not filled, withdrawn or lapsed), other than the given one. */
    public Optional<Vacancy> activeFor(UUID postId, UUID except) {
        return find("postId = ?1 AND status IN ?2 AND vacancyId <> ?3", postId, ACTIVE, except == null ? new UUID(0, 0) : except)
                .firstResultOptional();
    }

    /** Vacancies matching every given filter (null: any), in the given order (ties broken by id). */
    public PanacheQuery<Vacancy> search(UUID postId, String odsCode, VacancyStatus status, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (postId != null) {
            where.add("postId = :postId");
            params.and("postId", postId);
        }
        if (odsCode != null) {
            where.add("postId IN (SELECT p.postId FROM Post p WHERE p.odsCode = :ods)");
            params.and("ods", odsCode);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return where.isEmpty() ? findAll(sort) : find(String.join(" AND ", where), sort, params);
    }
}
