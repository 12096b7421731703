package org.understudy.succession.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.succession.domain.VacancyView;

import java.util.UUID;

/** Reads of the vacancies as the view knows them. */
@ApplicationScoped
public class VacancyViewRepository implements PanacheRepositoryBase<VacancyView, UUID> {
}
