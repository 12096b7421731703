package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PostSuccessionRepository implements PanacheRepositoryBase<PostSuccession, UUID> {

    /** A post's numbers with its organisation (null until the organisation's event has arrived). */
    public record Row(PostSuccession post, OrganisationView organisation) {
    }

    /** Filters of the succession list; null means any. */
    /** @param trustsOnly leave out the posts of oversight bodies (integrated care boards, regional teams) */
    public record Filter(Region region, OrganisationType organisationType, BoardRole role, Integer oversightSegment,
                         Replaceability replaceability, Integer maxReadyNow, String integratedCareBoard, boolean trustsOnly) {
    }

    /** Rows (with organisations) for these posts, in no particular order. */
    public List<Row> rows(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                        "SELECT p, o FROM PostSuccession p LEFT JOIN OrganisationView o ON o.odsCode = p.odsCode WHERE p.postId IN :ids", Object[].class)
                .setParameter("ids", postIds).getResultList().stream()
                .map(r -> new Row((PostSuccession) r[0], (OrganisationView) r[1])).toList();
    }

    public Row findRow(UUID postId) {
        List<Object[]> found = getEntityManager().createQuery(
                        "SELECT p, o FROM PostSuccession p LEFT JOIN OrganisationView o ON o.odsCode = p.odsCode WHERE p.postId = :id", Object[].class)
                .setParameter("id", postId).getResultList();
        return found.isEmpty() ? null : new Row((PostSuccession) found.get(0)[0], (OrganisationView) found.get(0)[1]);
    }

    /** Matching rows in the given order (JPQL, over p: post and o: organisation), ties broken by post id; paged. */
    public List<Row> search(Filter filter, String orderBy, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<Object[]> query = getEntityManager().createQuery(
                "SELECT p, o FROM PostSuccession p LEFT JOIN OrganisationView o ON o.odsCode = p.odsCode" + where
                        + " ORDER BY " + orderBy + ", p.postId", Object[].class);
        params.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> new Row((PostSuccession) r[0], (OrganisationView) r[1])).toList();
    }

    /** The posts whose rows changed after one version of the view, up to (and including) another. */
    @SuppressWarnings("unchecked")
    public List<UUID> changedBetween(long after, long upTo) {
        return getEntityManager().createNativeQuery(
                        "SELECT post_id FROM post_succession WHERE changed_version > ?1 AND changed_version <= ?2", UUID.class)
                .setParameter(1, after).setParameter(2, upTo).getResultList();
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.region() != null) {
            clauses.add("o.region = :region");
            params.put("region", f.region());
        }
        if (f.organisationType() != null) {
            clauses.add("o.organisationType = :type");
            params.put("type", f.organisationType());
        }
        if (f.oversightSegment() != null) {
            clauses.add("o.oversightSegment = :segment");
            params.put("segment", f.oversightSegment());
        }
        if (f.role() != null) {
            clauses.add("p.role = :role");
            params.put("role", f.role());
        }
        if (f.replaceability() != null) {
            clauses.add("p.replaceability = :replaceability");
            params.put("replaceability", f.replaceability());
        }
        if (f.maxReadyNow() != null) {
            clauses.add("p.readyNow <= :maxReadyNow");
            params.put("maxReadyNow", f.maxReadyNow());
        }
        if (f.integratedCareBoard() != null) {
            clauses.add("o.integratedCareBoardCode = :icb");
            params.put("icb", f.integratedCareBoard());
        }
        if (f.trustsOnly()) {
            clauses.add("(o.organisationType IS NULL OR o.organisationType IN :trusts)");
            params.put("trusts", OrganisationType.TRUSTS);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
