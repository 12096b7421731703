package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.succession.domain.CandidateFacts;
import org.understudy.succession.domain.CandidateView;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
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

    /**
     * Replaces a candidate's readiness, nominations and exits with those of the new state (none for an
     * erased candidate), in one JDBC batch: every candidate event does this, a few statements each.
     */
    public void replaceDetails(UUID candidateId, CandidateState state, boolean keep) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    WITH readiness AS (DELETE FROM candidate_readiness WHERE candidate_id = ?),
                         nominations AS (DELETE FROM candidate_nomination WHERE candidate_id = ?)
                    DELETE FROM candidate_exit WHERE candidate_id = ?""")) {
                for (int i = 1; i <= 3; i++) {
                    delete.setObject(i, candidateId);
                }
                delete.executeUpdate();
            }
            if (!keep) {
                return;
            }
            if (!state.readiness().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO candidate_readiness (candidate_id, role, level, assessed_on) VALUES (?, ?, ?, ?)")) {
                    for (CandidateState.RoleReadiness r : state.readiness()) {
                        insert.setObject(1, candidateId);
                        insert.setString(2, r.role().name());
                        insert.setString(3, r.level().name());
                        insert.setObject(4, r.assessedOn(), Types.DATE);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!state.nominations().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO candidate_nomination (candidate_id, post_id, readiness, nominated_on) VALUES (?, ?, ?, ?)")) {
                    for (CandidateState.Nomination n : state.nominations()) {
                        insert.setObject(1, candidateId);
                        insert.setObject(2, n.postId());
                        insert.setString(3, n.readiness().name());
                        insert.setObject(4, n.nominatedOn(), Types.DATE);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!state.exits().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO candidate_exit (candidate_id, seq, post_id, ods_code, role, exit_date, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    int seq = 0;
                    for (CandidateState.Exit x : state.exits()) {
                        insert.setObject(1, candidateId);
                        insert.setInt(2, seq++);
                        insert.setObject(3, x.postId(), Types.OTHER);
                        insert.setString(4, x.odsCode());
                        insert.setString(5, x.role().name());
                        insert.setObject(6, x.date(), Types.DATE);
                        insert.setString(7, x.reason().name());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        });
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
