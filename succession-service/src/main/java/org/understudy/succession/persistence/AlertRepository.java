package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.understudy.succession.domain.AlertFilter;

import java.time.OffsetDateTime;
import java.util.List;

/** The alert log's reads: alerts raised since an instant, matching a filter, in the order raised. */
@ApplicationScoped
public class AlertRepository {
    private final EntityManager em;

    @Inject
    public AlertRepository(EntityManager em) {
        this.em = em;
    }

    /** The alerts as published on succession-alerts (CloudEvents, JSON), oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> search(AlertFilter filter, OffsetDateTime since, OffsetDateTime until, int page, int size) {
        Query q = em.createNativeQuery("SELECT payload FROM succession_alert" + where(filter, since, until) + " ORDER BY seq");
        bind(q, filter, since, until);
        return q.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(AlertFilter filter, OffsetDateTime since, OffsetDateTime until) {
        Query q = em.createNativeQuery("SELECT count(*) FROM succession_alert" + where(filter, since, until));
        bind(q, filter, since, until);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String where(AlertFilter f, OffsetDateTime since, OffsetDateTime until) {
        StringBuilder w = new StringBuilder(" WHERE TRUE");
        if (f.region() != null) {
            w.append(" AND region = :region");
        }
        if (f.organisationType() != null) {
            w.append(" AND organisation_type = :organisationType");
        }
        if (f.role() != null) {
            w.append(" AND role = :role");
        }
        if (f.oversightSegment() != null) {
            w.append(" AND oversight_segment = :segment");
        }
        if (f.integratedCareBoard() != null) {
            w.append(" AND integrated_care_board_code = :icb");
        }
        if (since != null) {
            w.append(" AND raised_at >= :since");
        }
        if (until != null) {
            w.append(" AND raised_at <= :until");
        }
        return w.toString();
    }

    private static void bind(Query q, AlertFilter f, OffsetDateTime since, OffsetDateTime until) {
        if (f.region() != null) {
            q.setParameter("region", f.region().name());
        }
        if (f.organisationType() != null) {
            q.setParameter("organisationType", f.organisationType().name());
        }
        if (f.role() != null) {
            q.setParameter("role", f.role().name());
        }
        if (f.oversightSegment() != null) {
            q.setParameter("segment", f.oversightSegment());
        }
        if (f.integratedCareBoard() != null) {
            q.setParameter("icb", f.integratedCareBoard());
        }
        if (since != null) {
            q.setParameter("since", since);
        }
        if (until != null) {
            q.setParameter("until", until);
        }
    }
}
