package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.SuccessionNumbers;
import org.understudy.succession.domain.ViewStore;

import java.sql.Date;
import java.sql.PreparedStatement;
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
        upsert(List.of(new Pair(postId, candidateId, c)));
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

    /** Writes counting pairs (each pair at most once) in one statement, whatever their number. */
    private void upsert(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setArray(1, connection.createArrayOf("uuid", pairs.stream().map(Pair::postId).toArray()));
                upsert.setArray(2, connection.createArrayOf("uuid", pairs.stream().map(Pair::candidateId).toArray()));
                upsert.setArray(3, connection.createArrayOf("varchar", pairs.stream().map(p -> p.contribution().level().name()).toArray()));
                upsert.setArray(4, connection.createArrayOf("bool", pairs.stream().map(p -> p.contribution().namedNow()).toArray()));
                upsert.setArray(5, connection.createArrayOf("bool", pairs.stream().map(p -> p.contribution().poolNow()).toArray()));
                upsert.setArray(6, connection.createArrayOf("varchar", pairs.stream().map(p -> p.contribution().expiresOn().toString()).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    private static final String UPSERT = """
            INSERT INTO post_candidate (post_id, candidate_id, level, named_now, pool_now, expires_on)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::boolean[], ?::boolean[], ?::date[])
            ON CONFLICT (post_id, candidate_id) DO UPDATE SET level = EXCLUDED.level, named_now = EXCLUDED.named_now,
                pool_now = EXCLUDED.pool_now, expires_on = EXCLUDED.expires_on""";

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
