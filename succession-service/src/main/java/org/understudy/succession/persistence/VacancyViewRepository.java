package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.VacancyView;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VacancyViewRepository implements PanacheRepositoryBase<VacancyView, UUID> {

    /** A post's vacancies, most recent first. */
    public List<VacancyView> forPost(UUID postId) {
        return list("postId", Sort.descending("createdAt").and("vacancyId", Sort.Direction.Descending), postId);
    }
}
