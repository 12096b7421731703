package org.understudy.succession.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.VacancyView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The live view of posts read with plain SQL: one statement per request (post, its organisation and
 * its latest vacancy), no entities and no Hibernate session. The hot read path of the API; the
 * entity path ({@link PostSuccessionRepository}) serves writes, the stream and as-of answers.
 */
@ApplicationScoped
public class LivePostRows {
    /**
     * What a live post answer is made of. Organisation fields are null when the organisation's event
     * has not arrived; vacancy fields when the post has no latest vacancy (or it is not in the view).
     */
    public record Row(UUID postId, String odsCode, BoardRole role, int readyNow, int readySoon, int namedReadyNow, int poolReadyNow,
                      Replaceability replaceability, UUID lastEventId, String lastTopic, int lastPartition, long lastOffset,
                      OffsetDateTime updatedAt, UUID incumbentCandidateId, LocalDate incumbentSince, Boolean incumbentInterim,
                      LocalDate lastDepartureDate, LeavingReason lastDepartureReason, Integer applicants, Integer shortlisted,
                      Integer lastShortlistSize, UUID openVacancyId, UUID interimCandidateId, LocalDate interimNamedOn,
                      String organisationName, Region region, OrganisationType organisationType, Integer oversightSegment,
                      boolean hasLatestVacancy, Integer readverts, LocalDate firstAdvertisedOn, LocalDate filledOn, LocalDate closedOn,
                      String integratedCareBoardCode) {

        /** The same row from loaded entities (organisation and vacancy may be null). */
        public static Row of(PostSuccession p, OrganisationView o, VacancyView v) {
            return new Row(p.postId, p.odsCode, p.role, p.readyNow, p.readySoon, p.namedReadyNow, p.poolReadyNow, p.replaceability,
                    p.lastEventId, p.lastTopic, p.lastPartition, p.lastOffset, p.updatedAt, p.incumbentCandidateId, p.incumbentSince,
                    p.incumbentInterim, p.lastDepartureDate, p.lastDepartureReason, p.applicants, p.shortlisted, p.lastShortlistSize,
                    p.openVacancyId, p.interimCandidateId, p.interimNamedOn,
                    o == null ? null : o.name, o == null ? null : o.region, o == null ? null : o.organisationType,
                    o == null ? null : o.oversightSegment,
                    v != null, v == null ? null : v.readverts, v == null ? null : v.firstAdvertisedOn,
                    v == null ? null : v.filledOn, v == null ? null : v.closedOn, o == null ? null : o.integratedCareBoardCode);
        }
    }

    /** One page of matches and the number of all matches. */
    public record Page(List<Row> rows, long total) {
    }

    private static final String COLUMNS = "p.post_id, p.ods_code, p.role, p.ready_now, p.ready_soon, p.named_ready_now, p.pool_ready_now,"
            + " p.replaceability, p.last_event_id, p.last_topic, p.last_partition, p.last_offset, p.updated_at,"
            + " p.incumbent_candidate_id, p.incumbent_since, p.incumbent_interim, p.last_departure_date, p.last_departure_reason,"
            + " p.applicants, p.shortlisted, p.last_shortlist_size, p.open_vacancy_id, p.interim_candidate_id, p.interim_named_on,"
            + " o.name, o.region, o.organisation_type, o.oversight_segment,"
            + " v.vacancy_id, v.readverts, v.first_advertised_on, v.filled_on, v.closed_on, o.integrated_care_board_code";
    private static final int COLUMN_COUNT = 34;

    // Both joins are on primary keys, so a post is never repeated; vacancy_view is joined on the
    // post's latest vacancy only (the one its telemetry is about).
    private static final String FROM = " FROM post_succession p"
            + " LEFT JOIN organisation_view o ON o.ods_code = p.ods_code"
            + " LEFT JOIN vacancy_view v ON v.vacancy_id = p.latest_vacancy_id";

    private static final String ONE = "SELECT " + COLUMNS + FROM + " WHERE p.post_id = ?";
    private static final String MANY = "SELECT " + COLUMNS + FROM + " WHERE p.post_id = ANY (?)";

    @Inject
    AgroalDataSource dataSource;

    /** The post, or null when no event about it has arrived. */
    public Row find(UUID postId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ONE)) {
            s.setObject(1, postId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read post " + postId + ": " + e.getMessage(), e);
        }
    }

    /** These posts (those that exist), in no particular order: what the live stream sends after a change. */
    public List<Row> findAll(Collection<UUID> postIds) {
        List<Row> out = new ArrayList<>(postIds.size());
        if (postIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(MANY)) {
            s.setArray(1, c.createArrayOf("uuid", postIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + postIds.size() + " posts: " + e.getMessage(), e);
        }
    }

    /**
     * Matching posts in the given order (SQL over p: post_succession and o: organisation_view), ties
     * broken by post id; paged. The total comes with the rows (a window count); only a page past the
     * end, which has no row to carry it, costs a second statement.
     */
    public Page search(PostSuccessionRepository.Filter filter, String orderBy, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long offset = (long) page * size;
        String sql = "SELECT " + COLUMNS + ", count(*) OVER ()" + FROM + where + " ORDER BY " + orderBy + ", p.post_id LIMIT ? OFFSET ?";
        try (Connection c = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>(Math.min(size, 500));
            long total = 0;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = bind(s, params);
                s.setInt(i++, size);
                s.setLong(i, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                        total = rs.getLong(COLUMN_COUNT + 1);
                    }
                }
            }
            if (rows.isEmpty() && offset > 0) {
                total = count(c, where, params);
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list posts: " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String where, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM post_succession p"
                + " LEFT JOIN organisation_view o ON o.ods_code = p.ods_code" + where)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }

    /** Posts of trusts, and of organisations the view does not know yet: not of oversight bodies. */
    public static final String TRUSTS_ONLY = "(o.organisation_type IS NULL OR o.organisation_type NOT IN ('INTEGRATED_CARE_BOARD', 'REGIONAL_TEAM'))";

    /** The same filters as {@link PostSuccessionRepository#search}, enums compared by name as they are stored. */
    private static String where(PostSuccessionRepository.Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.region() != null) {
            clauses.add("o.region = ?");
            params.add(f.region().name());
        }
        if (f.organisationType() != null) {
            clauses.add("o.organisation_type = ?");
            params.add(f.organisationType().name());
        }
        if (f.oversightSegment() != null) {
            clauses.add("o.oversight_segment = ?");
            params.add(f.oversightSegment());
        }
        if (f.role() != null) {
            clauses.add("p.role = ?");
            params.add(f.role().name());
        }
        if (f.replaceability() != null) {
            clauses.add("p.replaceability = ?");
            params.add(f.replaceability().name());
        }
        if (f.maxReadyNow() != null) {
            clauses.add("p.ready_now <= ?");
            params.add(f.maxReadyNow());
        }
        if (f.integratedCareBoard() != null) {
            clauses.add("o.integrated_care_board_code = ?");
            params.add(f.integratedCareBoard());
        }
        if (f.trustsOnly()) {
            clauses.add(TRUSTS_ONLY);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), BoardRole.valueOf(rs.getString(3)),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), Replaceability.valueOf(rs.getString(8)),
                rs.getObject(9, UUID.class), rs.getString(10), rs.getInt(11), rs.getLong(12), rs.getObject(13, OffsetDateTime.class),
                rs.getObject(14, UUID.class), rs.getObject(15, LocalDate.class), rs.getObject(16, Boolean.class),
                rs.getObject(17, LocalDate.class), name(LeavingReason.class, rs.getString(18)),
                rs.getObject(19, Integer.class), rs.getObject(20, Integer.class), rs.getObject(21, Integer.class),
                rs.getObject(22, UUID.class), rs.getObject(23, UUID.class), rs.getObject(24, LocalDate.class),
                rs.getString(25), name(Region.class, rs.getString(26)), name(OrganisationType.class, rs.getString(27)),
                rs.getObject(28, Integer.class),
                rs.getObject(29) != null, rs.getObject(30, Integer.class), rs.getObject(31, LocalDate.class),
                rs.getObject(32, LocalDate.class), rs.getObject(33, LocalDate.class), rs.getString(34));
    }

    private static <E extends Enum<E>> E name(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
