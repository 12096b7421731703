package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.vacancy.domain.Incumbency;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncumbencyRepository implements PanacheRepositoryBase<Incumbency, UUID> {

    /** The person holding the post now, or null when it is vacant. */
    public Incumbency current(UUID postId) {
        return find("postId = ?1 AND until IS NULL", postId).firstResult();
    }

    /** Everyone who held the post, most recent first. */
    public List<Incumbency> history(UUID postId) {
        return list("postId", Sort.descending("since").and("id"), postId);
    }
}
