package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.ConsequenceCapacity;
import org.understudy.succession.domain.InterimVetting;
import org.understudy.succession.domain.DismissalReadiness;
import org.understudy.succession.domain.SuccessionSummary;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reads behind decision support: regional exits, the rows of the aggregates, the ready-now graph. */
@ApplicationScoped
public class DecisionSupportRepository {

    @Inject
    EntityManager em;

    /**
     * The most recent exits from a role at organisations of a region, dated on or before a day, most
     * recent first. Exits at organisations the view does not know have no region and are left out.
     */
    @SuppressWarnings("unchecked")
    public List<ExitReason> recentExits(Region region, BoardRole role, LocalDate day, int limit) {
        List<String> reasons = em.createNativeQuery("""
                        SELECT e.reason FROM leadership_exit e JOIN organisation_view o ON o.ods_code = e.ods_code
                        WHERE o.region = :region AND e.role = :role AND e.exit_date <= :day
                        ORDER BY e.exit_date DESC, e.candidate_id, e.seq""")
                .setParameter("region", region.name()).setParameter("role", role.name()).setParameter("day", day)
                .setMaxResults(limit).getResultList();
        return reasons.stream().map(ExitReason::valueOf).toList();
    }

    /**
     * One row per post for the aggregates (of one role, or all when null; trusts' posts only unless
     * oversight bodies are asked for): its place, numbers, most
     * recent vacancy, and whether its incumbent's last exit on or before they started was a dismissal.
     */
    @SuppressWarnings("unchecked")
    public List<SuccessionSummary.PostRow> summaryRows(BoardRole role, boolean oversightBodies, LocalDate today, DismissalReadiness readiness,
                                                       InterimVetting vetting) {
        Query query = em.createNativeQuery("""
                        SELECT o.region, o.organisation_type, o.oversight_segment, p.ready_now, p.last_shortlist_size,
                               p.interim_named_on IS NOT NULL, v.first_advertised_on, v.filled_on, v.closed_on,
                               (SELECT e.reason FROM leadership_exit e
                                 WHERE p.incumbent_since IS NOT NULL AND e.candidate_id = p.incumbent_candidate_id
                                   AND e.exit_date <= p.incumbent_since
                                 ORDER BY e.exit_date DESC, e.seq DESC LIMIT 1),
                               o.integrated_care_board_code,
                               p.interim_named_on, p.interim_candidate_id, p.incumbent_candidate_id, c.status, c.fit_status, c.fit_checked_on
                        FROM post_succession p
                        LEFT JOIN organisation_view o ON o.ods_code = p.ods_code
                        LEFT JOIN vacancy_view v ON v.vacancy_id = p.latest_vacancy_id
                        LEFT JOIN candidate_view c ON c.candidate_id = p.interim_candidate_id
                        WHERE (CAST(:role AS VARCHAR) IS NULL OR p.role = :role)"""
                        + (oversightBodies ? "" : " AND " + LivePostRows.TRUSTS_ONLY));
        query.setParameter("role", role == null ? null : role.name());
        List<Object[]> rows = query.getResultList();
        List<SuccessionSummary.PostRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            int readyNow = ((Number) r[3]).intValue();
            InterimVetting.Outcome interim = vetting.vet(date(r[11]), (UUID) r[12], (UUID) r[13],
                    r[14] == null ? null : new InterimVetting.Candidate(CandidateStatus.valueOf((String) r[14]),
                            FitAndProperStatus.valueOf((String) r[15]), date(r[16])), today);
            out.add(new SuccessionSummary.PostRow(
                    r[0] == null ? null : Region.valueOf((String) r[0]),
                    r[1] == null ? null : OrganisationType.valueOf((String) r[1]),
                    r[2] == null ? null : ((Number) r[2]).intValue(),
                    readyNow,
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    SuccessionSummary.daysVacant(date(r[6]), date(r[7]), date(r[8]), today),
                    readiness.credible(readyNow, interim),
                    "DISMISSED".equals(r[9]),
                    (String) r[10]));
        }
        return out;
    }

    /**
     * Exits (career exits and departures recorded on posts, once each: {@code leadership_exit}) dated after
     * {@code after} and on or before {@code until}, by organisation and reason.
     */
    @SuppressWarnings("unchecked")
    public List<SuccessionSummary.ExitCount> exits(BoardRole role, boolean oversightBodies, LocalDate after, LocalDate until) {
        Query query = em.createNativeQuery("""
                        SELECT o.region, o.organisation_type, o.oversight_segment, o.integrated_care_board_code, e.reason, count(*)
                        FROM leadership_exit e LEFT JOIN organisation_view o ON o.ods_code = e.ods_code
                        WHERE e.exit_date > :after AND e.exit_date <= :until"""
                        + (role == null ? "" : " AND e.role = :role")
                        + (oversightBodies ? "" : " AND " + LivePostRows.TRUSTS_ONLY)
                        + " GROUP BY o.region, o.organisation_type, o.oversight_segment, o.integrated_care_board_code, e.reason")
                .setParameter("after", after).setParameter("until", until);
        if (role != null) {
            query.setParameter("role", role.name());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SuccessionSummary.ExitCount(
                r[0] == null ? null : Region.valueOf((String) r[0]),
                r[1] == null ? null : OrganisationType.valueOf((String) r[1]),
                r[2] == null ? null : ((Number) r[2]).intValue(),
                (String) r[3],
                ExitReason.valueOf((String) r[4]),
                ((Number) r[5]).longValue())).toList();
    }

    /** What the view holds about a candidate named as interim cover; null when it holds nothing. */
    public InterimVetting.Candidate interimCandidate(UUID candidateId) {
        if (candidateId == null) {
            return null;
        }
        CandidateView c = em.find(CandidateView.class, candidateId);
        return c == null ? null : new InterimVetting.Candidate(c.status, c.fitStatus, c.fitCheckedOn);
    }

    /**
     * Every post and who is ready now for it (post_candidate rows at level NOW), read with plain JDBC:
     * at national scale that is tens of thousands of rows, and this is the cost of a cache miss.
     */
    public ConsequenceCapacity.Graph readyNowGraph() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<ConsequenceCapacity.Post> posts = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT p.post_id, p.ods_code, o.name, o.region, o.organisation_type, o.oversight_segment, p.role,
                           p.incumbent_candidate_id, o.integrated_care_board_code
                    FROM post_succession p LEFT JOIN organisation_view o ON o.ods_code = p.ods_code
                    ORDER BY p.post_id"""); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String region = rs.getString(4);
                    String type = rs.getString(5);
                    int segment = rs.getInt(6);
                    Integer oversightSegment = rs.wasNull() ? null : segment;
                    posts.add(new ConsequenceCapacity.Post(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            region == null ? null : Region.valueOf(region), type == null ? null : OrganisationType.valueOf(type),
                            oversightSegment, BoardRole.valueOf(rs.getString(7)), rs.getObject(8, UUID.class), rs.getString(9)));
                }
            }
            Map<UUID, List<ConsequenceCapacity.Edge>> edges = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT post_id, candidate_id, named_now FROM post_candidate WHERE level = 'NOW' ORDER BY post_id, candidate_id")) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        edges.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new ConsequenceCapacity.Edge(rs.getObject(2, UUID.class), rs.getBoolean(3)));
                    }
                }
            }
            return new ConsequenceCapacity.Graph(posts, edges);
        });
    }

    /**
     * Waits for the view's transaction lock until the transaction ends: the writer takes it for each
     * change-set, so what is read meanwhile is one state of the view.
     */
    public void lockView() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", ChangeSetWriter.VIEW_LOCK).getSingleResult();
    }

    /** For each topic-partition, the highest offset the stored view reflects (the positions stored with it). */
    @SuppressWarnings("unchecked")
    public List<Position> appliedPositions() {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT topic, record_partition, next_offset - 1 FROM view_offset WHERE next_offset > 0 ORDER BY topic, record_partition")
                .getResultList();
        return rows.stream().map(r -> new Position((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue())).toList();
    }

    /** The highest offset applied in one topic-partition. */
    public record Position(String topic, int partition, long offset) {
    }

    /** A DATE column's value as native queries hand it back (java.sql.Date or LocalDate, by driver setting). */
    static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
