package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.PostSuccessionHistory;

import java.time.OffsetDateTime;
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
