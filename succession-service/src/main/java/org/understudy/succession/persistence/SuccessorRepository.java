package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.succession.domain.CandidateFacts;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.PostDeparture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rows behind a post's successor list: who counts (as the view wrote it), who is named, and their facts. Ids only. */
@ApplicationScoped
public class SuccessorRepository {
    private final EntityManager em;

    public SuccessorRepository(EntityManager em) {
        this.em = em;
    }

    /** Who counts for the post, as the view last wrote it, by candidate id. */
    public Map<UUID, Contribution> counting(UUID postId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT candidate_id, level, named_now, pool_now, expires_on FROM post_candidate
                        WHERE post_id = :post ORDER BY candidate_id""")
                .setParameter("post", postId).getResultList();
        Map<UUID, Contribution> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.put((UUID) r[0], new Contribution(Contribution.Level.valueOf((String) r[1]), (Boolean) r[2], (Boolean) r[3], DecisionSupportRepository.date(r[4])));
        }
        return out;
    }

    /** The candidates named as the post's successors. */
    public List<UUID> named(UUID postId) {
        return em.createNativeQuery("SELECT candidate_id FROM candidate_nomination WHERE post_id = :post ORDER BY candidate_id", UUID.class)
                .setParameter("post", postId).getResultList().stream().map(UUID.class::cast).toList();
    }

    /**
     * Everyone who might count for a post on some day: named for it, or assessed ready now or in one
     * to two years for its role, now or in an assessment a later one replaced (whether their mobility
     * fits is the rules' to judge).
     */
    public List<UUID> everCounting(UUID postId, BoardRole role) {
        return em.createNativeQuery("""
                        SELECT candidate_id FROM candidate_nomination WHERE post_id = :post
                        UNION SELECT candidate_id FROM candidate_readiness WHERE role = :role AND level IN ('READY_NOW', 'READY_1_2_YEARS')
                        UNION SELECT candidate_id FROM candidate_earlier_readiness
                            WHERE role = :role AND level IN ('READY_NOW', 'READY_1_2_YEARS')""",
                        UUID.class)
                .setParameter("post", postId).setParameter("role", role.name()).getResultList().stream().map(UUID.class::cast).toList();
    }

    /** By candidate, their assessments for a role that a later one replaced. */
    public Map<UUID, List<CandidateFacts.Assessment>> replaced(Collection<UUID> candidateIds, BoardRole role) {
        Map<UUID, List<CandidateFacts.Assessment>> out = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return out;
        }
        for (Object[] r : rows("SELECT candidate_id, level, assessed_on FROM candidate_earlier_readiness WHERE role = :key AND candidate_id IN (:ids)",
                role.name(), candidateIds)) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new CandidateFacts.Assessment(ReadinessLevel.valueOf((String) r[1]), DecisionSupportRepository.date(r[2])));
        }
        return out;
    }

    /** The departures recorded on a post, oldest first. */
    public List<PostDeparture> departures(UUID postId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT departure_date, reason, candidate_id FROM post_departure WHERE post_id = :post ORDER BY departure_date""")
                .setParameter("post", postId).getResultList();
        return rows.stream().map(r -> new PostDeparture(postId, null, null, DecisionSupportRepository.date(r[0]),
                LeavingReason.valueOf((String) r[1]), (UUID) r[2])).toList();
    }

    /**
     * What the rules need of these candidates for one post: their statuses, fit-and-proper check and
     * mobility, their readiness for the post's role and their nomination for the post (the rest of
     * their readiness and nominations does not bear on it). Ids the view does not hold are left out.
     */
    public Map<UUID, CandidateFacts> facts(Collection<UUID> candidateIds, BoardRole role, UUID postId) {
        Map<UUID, CandidateFacts> out = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return out;
        }
        Map<UUID, CandidateFacts.Assessment> readiness = new HashMap<>();
        for (Object[] r : rows("SELECT candidate_id, level, assessed_on FROM candidate_readiness WHERE role = :key AND candidate_id IN (:ids)",
                role.name(), candidateIds)) {
            readiness.put((UUID) r[0], new CandidateFacts.Assessment(ReadinessLevel.valueOf((String) r[1]), DecisionSupportRepository.date(r[2])));
        }
        Map<UUID, CandidateFacts.Assessment> nominations = new HashMap<>();
        for (Object[] r : rows("SELECT candidate_id, readiness, nominated_on FROM candidate_nomination WHERE post_id = :key AND candidate_id IN (:ids)",
                postId, candidateIds)) {
            nominations.put((UUID) r[0], new CandidateFacts.Assessment(ReadinessLevel.valueOf((String) r[1]), DecisionSupportRepository.date(r[2])));
        }
        for (CandidateView c : em.createQuery("SELECT c FROM CandidateView c WHERE c.candidateId IN :ids", CandidateView.class)
                .setParameter("ids", candidateIds).getResultList()) {
            Map<BoardRole, CandidateFacts.Assessment> forRole = new EnumMap<>(BoardRole.class);
            if (readiness.containsKey(c.candidateId)) {
                forRole.put(role, readiness.get(c.candidateId));
            }
            Map<UUID, CandidateFacts.Assessment> forPost = new HashMap<>();
            if (nominations.containsKey(c.candidateId)) {
                forPost.put(postId, nominations.get(c.candidateId));
            }
            out.put(c.candidateId, new CandidateFacts(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn,
                    CandidateView.enums(c.regions, Region.class), CandidateView.enums(c.organisationTypes, OrganisationType.class),
                    c.considersChallenged, forRole, forPost));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object key, Collection<UUID> ids) {
        return em.createNativeQuery(sql).setParameter("key", key).setParameter("ids", ids).getResultList();
    }
}
