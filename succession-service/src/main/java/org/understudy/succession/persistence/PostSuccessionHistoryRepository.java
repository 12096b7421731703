package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.Replaceability;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostSuccessionHistoryRepository implements PanacheRepositoryBase<PostSuccessionHistory, Long> {

    /** The row written last for a post (null before any). */
    public PostSuccessionHistory lastWritten(UUID postId) {
        return find("postId", Sort.descending("id"), postId).firstResult();
    }

    /**
     * Inserts history rows in one JDBC batch (a readiness event can change a few hundred posts; one
     * insert statement each, as persist does for an identity column, was most of its cost). Ids come
     * from the column's sequence as each row is inserted, under the view's lock, so they keep the
     * order rows were written in, which {@link #lastWritten} relies on.
     */
    public void insertAll(List<PostSuccessionHistory> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO post_succession_history (" + RebuildSpill.HISTORY_COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (PostSuccessionHistory h : rows) {
                    insert.setObject(1, h.postId);
                    insert.setObject(2, h.effectiveAt);
                    insert.setString(3, h.cause);
                    insert.setObject(4, h.eventId, Types.OTHER);
                    insert.setString(5, h.eventTopic);
                    insert.setObject(6, h.eventPartition, Types.INTEGER);
                    insert.setObject(7, h.eventOffset, Types.BIGINT);
                    insert.setInt(8, h.readyNow);
                    insert.setInt(9, h.readySoon);
                    insert.setInt(10, h.namedReadyNow);
                    insert.setInt(11, h.poolReadyNow);
                    insert.setString(12, h.replaceability.name());
                    insert.setObject(13, h.applicants, Types.INTEGER);
                    insert.setObject(14, h.shortlisted, Types.INTEGER);
                    insert.setObject(15, h.lastShortlistSize, Types.INTEGER);
                    insert.setObject(16, h.incumbentCandidateId, Types.OTHER);
                    insert.setObject(17, h.interimCandidateId, Types.OTHER);
                    insert.setObject(18, h.interimNamedOn, Types.DATE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The row written last for each of these posts that has one, in one statement (index post_id, id).
     * The rows are read, not managed: the live path only compares the next numbers with them, and
     * hundreds of managed rows would be dirty-checked at every flush.
     */
    public Map<UUID, PostSuccessionHistory> lastWritten(Collection<UUID> postIds) {
        Map<UUID, PostSuccessionHistory> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(LAST_WRITTEN)) {
                select.setArray(1, connection.createArrayOf("uuid", postIds.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        PostSuccessionHistory h = new PostSuccessionHistory();
                        h.id = rs.getLong("id");
                        h.postId = rs.getObject("post_id", UUID.class);
                        h.effectiveAt = rs.getObject("effective_at", OffsetDateTime.class);
                        h.cause = rs.getString("cause");
                        h.eventId = rs.getObject("event_id", UUID.class);
                        h.eventTopic = rs.getString("event_topic");
                        h.eventPartition = rs.getObject("event_partition", Integer.class);
                        h.eventOffset = rs.getObject("event_offset", Long.class);
                        h.readyNow = rs.getInt("ready_now");
                        h.readySoon = rs.getInt("ready_soon");
                        h.namedReadyNow = rs.getInt("named_ready_now");
                        h.poolReadyNow = rs.getInt("pool_ready_now");
                        h.replaceability = Replaceability.valueOf(rs.getString("replaceability"));
                        h.applicants = rs.getObject("applicants", Integer.class);
                        h.shortlisted = rs.getObject("shortlisted", Integer.class);
                        h.lastShortlistSize = rs.getObject("last_shortlist_size", Integer.class);
                        h.incumbentCandidateId = rs.getObject("incumbent_candidate_id", UUID.class);
                        h.interimCandidateId = rs.getObject("interim_candidate_id", UUID.class);
                        h.interimNamedOn = rs.getObject("interim_named_on", LocalDate.class);
                        out.put(h.postId, h);
                    }
                }
            }
        });
        return out;
    }

    private static final String LAST_WRITTEN = """
            SELECT h.* FROM unnest(?::uuid[]) AS p(post_id)
            CROSS JOIN LATERAL (SELECT * FROM post_succession_history x WHERE x.post_id = p.post_id
                                ORDER BY x.id DESC LIMIT 1) h""";

    /** The post's numbers as they stood at an instant: the latest row effective at or before it. */
    public PostSuccessionHistory asOf(UUID postId, OffsetDateTime instant) {
        return find("postId = ?1 AND effectiveAt <= ?2", Sort.descending("effectiveAt", "id"), postId, instant).firstResult();
    }

    /** For every post: its numbers as they stood at an instant (posts that did not exist then are absent). */
    public Map<UUID, PostSuccessionHistory> asOfAll(OffsetDateTime instant) {
        List<PostSuccessionHistory> rows = getEntityManager().createQuery("""
                        SELECT h FROM PostSuccessionHistory h WHERE h.id IN (
                          SELECT max(x.id) FROM PostSuccessionHistory x
                          WHERE x.effectiveAt = (SELECT max(y.effectiveAt) FROM PostSuccessionHistory y
                                                 WHERE y.postId = x.postId AND y.effectiveAt <= :at)
                          GROUP BY x.postId)""", PostSuccessionHistory.class)
                .setParameter("at", instant).getResultList();
        return rows.stream().collect(Collectors.toMap(h -> h.postId, Function.identity()));
    }

    /** Every change of a post's numbers in a period (either bound may be null), oldest first. */
    public List<PostSuccessionHistory> between(UUID postId, OffsetDateTime from, OffsetDateTime to) {
        return list("postId = ?1 AND effectiveAt >= ?2 AND effectiveAt <= ?3", Sort.ascending("effectiveAt", "id"), postId,
                from == null ? OffsetDateTime.parse("1900-01-01T00:00:00Z") : from,
                to == null ? OffsetDateTime.parse("9999-12-31T00:00:00Z") : to);
    }
}
