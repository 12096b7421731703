package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.SuccessionNumbers;
import org.understudy.succession.domain.ViewStore;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who counts for which post (table post_candidate): the stored contributions the numbers are counted from. */
@ApplicationScoped
public class PostCandidateStore {
    @Inject
    EntityManager em;

    /** Stores what a candidate adds to a post; a contribution that does not count removes the row. */
    public void put(UUID postId, UUID candidateId, Contribution c) {
        if (!c.counts()) {
            em.createNativeQuery("DELETE FROM post_candidate WHERE post_id = :p AND candidate_id = :c")
                    .setParameter("p", postId).setParameter("c", candidateId).executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO post_candidate (post_id, candidate_id, level, named_now, pool_now, expires_on)
                        VALUES (:p, :c, :level, :named, :pool, :expires)
                        ON CONFLICT (post_id, candidate_id) DO UPDATE SET level = EXCLUDED.level, named_now = EXCLUDED.named_now,
                            pool_now = EXCLUDED.pool_now, expires_on = EXCLUDED.expires_on""")
                .setParameter("p", postId).setParameter("c", candidateId).setParameter("level", c.level().name())
                .setParameter("named", c.namedNow()).setParameter("pool", c.poolNow()).setParameter("expires", c.expiresOn())
                .executeUpdate();
    }

    /** Replaces all of a post's contributions. */
    public void replaceForPost(UUID postId, Map<UUID, Contribution> byCandidate) {
        em.createNativeQuery("DELETE FROM post_candidate WHERE post_id = :p").setParameter("p", postId).executeUpdate();
        byCandidate.forEach((candidate, c) -> {
            if (c.counts()) {
                put(postId, candidate, c);
            }
        });
    }

    @SuppressWarnings("unchecked")
    public List<UUID> postsCounting(UUID candidateId) {
        return em.createNativeQuery("SELECT post_id FROM post_candidate WHERE candidate_id = :c")
                .setParameter("c", candidateId).getResultList();
    }

    /** The numbers of each post, counted from its contributions (posts with none are absent: all zero). */
    @SuppressWarnings("unchecked")
    public Map<UUID, SuccessionNumbers> count(Collection<UUID> postIds) {
        Map<UUID, SuccessionNumbers> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        SELECT post_id,
                               count(*) FILTER (WHERE level = 'NOW'),
                               count(*) FILTER (WHERE level = 'SOON'),
                               count(*) FILTER (WHERE named_now),
                               count(*) FILTER (WHERE pool_now)
                        FROM post_candidate WHERE post_id IN (:ids) GROUP BY post_id""")
                .setParameter("ids", postIds).getResultList()) {
            out.put((UUID) r[0], new SuccessionNumbers(((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        return out;
    }

    /** Every pair lapsing on the earliest day any pair lapses, if that day is on or before {@code day}. */
    @SuppressWarnings("unchecked")
    public List<ViewStore.Expiring> firstExpiringBy(LocalDate day) {
        List<ViewStore.Expiring> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        SELECT post_id, candidate_id, expires_on FROM post_candidate
                        WHERE expires_on = (SELECT min(expires_on) FROM post_candidate WHERE expires_on <= :day)
                        ORDER BY post_id, candidate_id""")
                .setParameter("day", day).getResultList()) {
            out.add(new ViewStore.Expiring((UUID) r[0], (UUID) r[1], r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2]));
        }
        return out;
    }
}
