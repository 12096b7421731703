package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.succession.domain.CandidateFacts;
import org.understudy.succession.domain.CandidateView;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Candidates and their readiness, nominations and exits, as the view keeps them. */
@ApplicationScoped
public class CandidateViewRepository implements PanacheRepositoryBase<CandidateView, UUID> {

    /** Replaces a candidate's readiness, nominations and exits with those of the new state (none for an erased candidate). */
    public void replaceDetails(UUID candidateId, CandidateState state, boolean keep) {
        var em = getEntityManager();
        for (String table : List.of("candidate_readiness", "candidate_nomination", "candidate_exit")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE candidate_id = :id").setParameter("id", candidateId).executeUpdate();
        }
        if (!keep) {
            return;
        }
        for (CandidateState.RoleReadiness r : state.readiness()) {
            em.createNativeQuery("INSERT INTO candidate_readiness (candidate_id, role, level, assessed_on) VALUES (:id, :role, :level, :on)")
                    .setParameter("id", candidateId).setParameter("role", r.role().name()).setParameter("level", r.level().name())
                    .setParameter("on", r.assessedOn()).executeUpdate();
        }
        for (CandidateState.Nomination n : state.nominations()) {
            em.createNativeQuery("INSERT INTO candidate_nomination (candidate_id, post_id, readiness, nominated_on) VALUES (:id, :post, :level, :on)")
                    .setParameter("id", candidateId).setParameter("post", n.postId()).setParameter("level", n.readiness().name())
                    .setParameter("on", n.nominatedOn()).executeUpdate();
        }
        int seq = 0;
        for (CandidateState.Exit x : state.exits()) {
            em.createNativeQuery("""
                            INSERT INTO candidate_exit (candidate_id, seq, post_id, ods_code, role, exit_date, reason)
                            VALUES (:id, :seq, :post, :ods, :role, :date, :reason)""")
                    .setParameter("id", candidateId).setParameter("seq", seq++).setParameter("post", x.postId())
                    .setParameter("ods", x.odsCode()).setParameter("role", x.role().name()).setParameter("date", x.date())
                    .setParameter("reason", x.reason().name()).executeUpdate();
        }
    }

    /** Active candidates who might count for a post of this role, region and type (the rules decide). */
    @SuppressWarnings("unchecked")
    public List<UUID> poolCandidates(BoardRole role, Region region, OrganisationType type) {
        if (region == null || type == null) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                        SELECT r.candidate_id FROM candidate_readiness r JOIN candidate_view c ON c.candidate_id = r.candidate_id
                        WHERE r.role = :role AND r.level IN ('READY_NOW', 'READY_1_2_YEARS') AND c.status = 'ACTIVE'
                          AND (',' || c.regions || ',') LIKE :region AND (',' || c.organisation_types || ',') LIKE :type""")
                .setParameter("role", role.name())
                .setParameter("region", "%," + region.name() + ",%")
                .setParameter("type", "%," + type.name() + ",%")
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> nominatedFor(UUID postId) {
        return getEntityManager().createNativeQuery("SELECT candidate_id FROM candidate_nomination WHERE post_id = :post")
                .setParameter("post", postId).getResultList();
    }

    /** The rules' view of these candidates (missing ids are left out). */
    @SuppressWarnings("unchecked")
    public Map<UUID, CandidateFacts> facts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var em = getEntityManager();
        Map<UUID, Map<BoardRole, CandidateFacts.Assessment>> readiness = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT candidate_id, role, level, assessed_on FROM candidate_readiness WHERE candidate_id IN (:ids)")
                .setParameter("ids", ids).getResultList()) {
            readiness.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(BoardRole.class))
                    .put(BoardRole.valueOf((String) r[1]), new CandidateFacts.Assessment(ReadinessLevel.valueOf((String) r[2]), date(r[3])));
        }
        Map<UUID, Map<UUID, CandidateFacts.Assessment>> nominations = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT candidate_id, post_id, readiness, nominated_on FROM candidate_nomination WHERE candidate_id IN (:ids)")
                .setParameter("ids", ids).getResultList()) {
            nominations.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                    .put((UUID) r[1], new CandidateFacts.Assessment(ReadinessLevel.valueOf((String) r[2]), date(r[3])));
        }
        Map<UUID, CandidateFacts> out = new HashMap<>();
        for (CandidateView c : list("candidateId IN ?1", ids)) {
            out.put(c.candidateId, new CandidateFacts(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn,
                    CandidateView.enums(c.regions, Region.class), CandidateView.enums(c.organisationTypes, OrganisationType.class), c.considersChallenged,
                    readiness.getOrDefault(c.candidateId, Map.of()), nominations.getOrDefault(c.candidateId, Map.of())));
        }
        return out;
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
