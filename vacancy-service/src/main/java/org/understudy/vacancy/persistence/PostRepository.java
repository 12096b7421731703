package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.understudy.events.BoardRole;
import org.understudy.vacancy.domain.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** Loads a post locked for update, so that concurrent changes apply one after the other. */
    public Optional<Post> findForUpdate(UUID postId) {
        return findByIdOptional(postId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The post of a board role at an organisation (there is one at most). */
    public Optional<Post> of(String odsCode, BoardRole role) {
        return find("odsCode = ?1 AND role = ?2", odsCode, role).firstResultOptional();
    }

    public boolean existsFor(String odsCode, BoardRole role) {
        return count("odsCode = ?1 AND role = ?2", odsCode, role) > 0;
    }

    /** Posts matching every given filter (null: any), in the given order. */
    public PanacheQuery<Post> search(String odsCode, BoardRole role, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (odsCode != null) {
            where.add("odsCode = :ods");
            params.and("ods", odsCode);
        }
        if (role != null) {
            where.add("role = :role");
            params.and("role", role);
        }
        return where.isEmpty() ? findAll(sort) : find(String.join(" AND ", where), sort, params);
    }
}
