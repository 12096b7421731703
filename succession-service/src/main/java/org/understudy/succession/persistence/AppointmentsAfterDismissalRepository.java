package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.AppointmentAfterDismissal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Posts whose incumbent's most recent exit on or before the day they started was a dismissal, by either
 * service's record ({@code leadership_exit}): the same rule as the summary's appointmentsAfterDismissal.
 */
@ApplicationScoped
public class AppointmentsAfterDismissalRepository {
    private static final String FROM = "\n" + """
             FROM post_succession p
             JOIN LATERAL (SELECT e.exit_date, e.ods_code, e.role, e.reason FROM leadership_exit e
                           WHERE e.candidate_id = p.incumbent_candidate_id AND e.exit_date <= p.incumbent_since
                           ORDER BY e.exit_date DESC, e.seq DESC LIMIT 1) d ON d.reason = 'DISMISSED'
             LEFT JOIN organisation_view o ON o.ods_code = p.ods_code
             LEFT JOIN organisation_view x ON x.ods_code = d.ods_code
             WHERE p.incumbent_candidate_id IS NOT NULL AND p.incumbent_since IS NOT NULL
               AND (CAST(:region AS VARCHAR) IS NULL OR o.region = :region)""";

    private final EntityManager em;

    public AppointmentsAfterDismissalRepository(EntityManager em) {
        this.em = em;
    }

    public long count(Region region) {
        return ((Number) region(em.createNativeQuery("SELECT count(*)" + FROM), region).getSingleResult()).longValue();
    }

    /** Most recent appointments first (ties by post id). */
    @SuppressWarnings("unchecked")
    public List<AppointmentAfterDismissal> page(Region region, int page, int size) {
        List<Object[]> rows = region(em.createNativeQuery("""
                        SELECT p.post_id, p.role, p.ods_code, o.name, o.organisation_type, o.region, o.oversight_segment,
                               o.integrated_care_board_code, p.incumbent_candidate_id, p.incumbent_since,
                               d.exit_date, d.ods_code, x.name, x.organisation_type, x.region, x.oversight_segment,
                               x.integrated_care_board_code, d.role""" + FROM + " ORDER BY p.incumbent_since DESC, p.post_id"), region)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, Map<String, Integer>> overseen = overseen(rows.stream().map(r -> (String) r[2]).distinct().toList());
        List<AppointmentAfterDismissal> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            LocalDate since = DecisionSupportRepository.date(r[9]);
            LocalDate dismissed = DecisionSupportRepository.date(r[10]);
            out.add(new AppointmentAfterDismissal((UUID) r[0], BoardRole.valueOf((String) r[1]),
                    place((String) r[2], r[3], r[4], r[5], r[6], r[7]), (UUID) r[8], since,
                    new AppointmentAfterDismissal.Dismissal(dismissed, place((String) r[11], r[12], r[13], r[14], r[15], r[16]),
                            BoardRole.valueOf((String) r[17]), ChronoUnit.DAYS.between(dismissed, since)),
                    overseen.getOrDefault((String) r[2], Map.of())));
        }
        return out;
    }

    /**
     * For each of these organisations, the trusts it oversees, by segment: for a regional team, the trusts of
     * its region; for any other, the trusts that name it as their integrated care board (none for a trust).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Integer>> overseen(List<String> codes) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT b.ods_code, t.oversight_segment, count(*)
                        FROM organisation_view b JOIN organisation_view t
                          ON (b.organisation_type = 'REGIONAL_TEAM' AND t.region = b.region)
                          OR (b.organisation_type <> 'REGIONAL_TEAM' AND t.integrated_care_board_code = b.ods_code)
                        WHERE b.ods_code IN (:codes) AND t.organisation_type NOT IN ('INTEGRATED_CARE_BOARD', 'REGIONAL_TEAM')
                        GROUP BY b.ods_code, t.oversight_segment""")
                .setParameter("codes", codes).getResultList();
        for (Object[] r : rows) {
            String segment = r[1] == null ? "UNSET" : r[1].toString();
            out.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put(segment, ((Number) r[2]).intValue());
        }
        return out;
    }

    private static Query region(Query query, Region region) {
        return query.setParameter("region", region == null ? null : region.name());
    }

    private static AppointmentAfterDismissal.Place place(String ods, Object name, Object type, Object region, Object segment, Object icb) {
        return new AppointmentAfterDismissal.Place(ods, (String) name, type == null ? null : OrganisationType.valueOf((String) type),
                region == null ? null : Region.valueOf((String) region), segment == null ? null : ((Number) segment).intValue(), (String) icb);
    }
}
