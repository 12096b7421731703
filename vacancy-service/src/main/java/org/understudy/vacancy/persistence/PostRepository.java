package org.understudy.vacancy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.events.BoardRole;
import org.understudy.vacancy.domain.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    public boolean existsFor(String odsCode, BoardRole role) {
        return count("odsCode = ?1 AND role = ?2", odsCode, role) > 0;
    }

    /** Posts matching every given filter (null: any), ordered by organisation then role. */
    public PanacheQuery<Post> search(String odsCode, BoardRole role) {
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
        Sort sort = Sort.by("odsCode").and("role").and("postId");
        return where.isEmpty() ? findAll(sort) : find(String.join(" AND ", where), sort, params);
    }
}
