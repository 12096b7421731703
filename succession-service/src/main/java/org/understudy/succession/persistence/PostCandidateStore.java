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
    private static final int ROWS_PER_STATEMENT = 500;

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

    /**
     * {@link #put} for one candidate and many posts: one statement removes the pairs that no longer
     * count, one writes the others (a readiness event can touch every post of a role in a region).
     */
    public void putForCandidate(UUID candidateId, Map<UUID, Contribution> byPost) {
        List<UUID> gone = new ArrayList<>();
        List<Pair> kept = new ArrayList<>();
        byPost.forEach((postId, c) -> {
            if (c.counts()) {
                kept.add(new Pair(postId, candidateId, c));
            } else {
                gone.add(postId);
            }
        });
        if (!gone.isEmpty()) {
            em.createNativeQuery("DELETE FROM post_candidate WHERE candidate_id = :c AND post_id IN (:p)")
                    .setParameter("c", candidateId).setParameter("p", gone).executeUpdate();
        }
        upsert(kept);
    }

    /** Replaces all of a post's contributions. */
    public void replaceForPost(UUID postId, Map<UUID, Contribution> byCandidate) {
        em.createNativeQuery("DELETE FROM post_candidate WHERE post_id = :p").setParameter("p", postId).executeUpdate();
        List<Pair> kept = new ArrayList<>();
        byCandidate.forEach((candidate, c) -> {
            if (c.counts()) {
                kept.add(new Pair(postId, candidate, c));
            }
        });
        upsert(kept);
    }

    private record Pair(UUID postId, UUID candidateId, Contribution contribution) {
    }

    /** Writes counting pairs, at most {@value #ROWS_PER_STATEMENT} per statement (each pair at most once). */
    private void upsert(List<Pair> pairs) {
        for (int from = 0; from < pairs.size(); from += ROWS_PER_STATEMENT) {
            List<Pair> chunk = pairs.subList(from, Math.min(pairs.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO post_candidate (post_id, candidate_id, level, named_now, pool_now, expires_on) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:p").append(i).append(", :c").append(i).append(", :l").append(i)
                        .append(", :n").append(i).append(", :o").append(i).append(", :e").append(i).append(')');
            }
            sql.append(" ON CONFLICT (post_id, candidate_id) DO UPDATE SET level = EXCLUDED.level, named_now = EXCLUDED.named_now,"
                    + " pool_now = EXCLUDED.pool_now, expires_on = EXCLUDED.expires_on");
            var query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Pair pair = chunk.get(i);
                Contribution c = pair.contribution();
                query.setParameter("p" + i, pair.postId()).setParameter("c" + i, pair.candidateId())
                        .setParameter("l" + i, c.level().name()).setParameter("n" + i, c.namedNow())
                        .setParameter("o" + i, c.poolNow()).setParameter("e" + i, c.expiresOn());
            }
            query.executeUpdate();
        }
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
